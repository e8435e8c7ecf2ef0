package vn.kontum.hotline.channel.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web chat's script and style are kept by no browser, as its page is not: whoever looks through her phone's
 * browser cache finds nothing of the hotline there. (The officers' files are kept a year, named by their content.)
 * They are small (6 KB), and sent compressed.
 */
@Configuration(proxyBeanMethods = false)
class ChatAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/chat/*.js", "/chat/*.css").addResourceLocations("classpath:/static/chat/")
                .setCacheControl(CacheControl.noStore());
    }
}
