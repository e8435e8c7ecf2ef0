package vn.kontum.hotline;

import java.time.Clock;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** What every feature shares: the clock and the message bundles (Vietnamese first). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HotlineConfig {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Vietnamese whatever language the phone is set to (many cheap phones are set to English); English when a
     * page is opened with {@code ?lang=en}, remembered in a cookie.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hotline_lang");
        resolver.setDefaultLocale(VIETNAMESE);
        return resolver;
    }

    @Bean
    WebMvcConfigurer languageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor change = new LocaleChangeInterceptor();
                change.setParamName("lang");
                change.setIgnoreInvalidLocale(true);
                registry.addInterceptor(change);
            }
        };
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VIETNAMESE);
        return source;
    }
}
