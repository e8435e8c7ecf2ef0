package vn.kontum.hotline.channel.zalo;

import java.time.Clock;
import java.time.Duration;

import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.DeliveryReports;
import vn.kontum.hotline.intake.MessageIntake;
import vn.kontum.hotline.secrets.SecretCipher;

/** Zalo, when {@code ZALO_APP_ID} is set: the webhook, the send path and the OA's tokens. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(ZaloConfig.ENABLED)
class ZaloConfig {

    static final String ENABLED = "!'${hotline.zalo.app-id:}'.isBlank()";

    @Bean
    ZaloSettings zaloSettings(@Value("${hotline.zalo.app-id}") String appId,
                              @Value("${hotline.zalo.app-secret:}") String appSecret,
                              @Value("${hotline.zalo.oa-secret-key:}") String oaSecretKey,
                              @Value("${hotline.zalo.access-token:}") String accessToken,
                              @Value("${hotline.zalo.refresh-token:}") String refreshToken,
                              @Value("${hotline.zalo.api-url:https://openapi.zalo.me}") String apiUrl,
                              @Value("${hotline.zalo.oauth-url:https://oauth.zaloapp.com}") String oauthUrl,
                              @Value("${hotline.zalo.replay-window:PT10M}") Duration replayWindow,
                              @Value("${hotline.zalo.refresh-ahead:PT1H}") Duration refreshAhead) {
        if (oaSecretKey.isBlank()) {
            throw new IllegalStateException("ZALO_APP_ID is set but ZALO_OA_SECRET_KEY is not: webhook events could not be verified");
        }
        return new ZaloSettings(appId.strip(), appSecret.strip(), oaSecretKey.strip(), accessToken.strip(), refreshToken.strip(),
                apiUrl.strip(), oauthUrl.strip(), replayWindow, refreshAhead);
    }

    /** {@code read-timeout}: how long a send waits for Zalo's answer before it is retried later (with backoff). */
    @Bean
    OkHttpClient zaloHttp(@Value("${hotline.zalo.read-timeout:PT20S}") Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .callTimeout(readTimeout.plusSeconds(10))
                .build();
    }

    @Bean
    ZaloTokens zaloTokens(ZaloSettings settings, JdbcClient jdbc, StringRedisTemplate redis, SecretCipher secretCipher,
                          OkHttpClient zaloHttp, Clock clock) {
        return new ZaloTokens(settings, jdbc, redis, secretCipher, zaloHttp, JsonMapper.builder().build(), clock);
    }

    @Bean
    ZaloMessages zaloMessages(ZaloSettings settings, ZaloTokens tokens, OkHttpClient zaloHttp) {
        return new ZaloMessages(settings, tokens, zaloHttp, JsonMapper.builder().build());
    }

    @Bean
    ZaloSender zaloSender(ZaloMessages zaloMessages) {
        return new ZaloSender(zaloMessages);
    }

    @Bean
    ZaloEvents zaloEvents(MessageIntake intake, Contacts contacts, DeliveryReports reports, JdbcClient jdbc, Clock clock,
                          ObjectProvider<ZaloOfficerEvents> officerEvents) {
        return new ZaloEvents(intake, contacts, reports, jdbc, clock, officerEvents);
    }
}
