package vn.kontum.hotline.channel.zalo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import okhttp3.OkHttpClient;
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

/** Zalo, when {@code ZALO_APP_ID} is set: the webhook, the sender and the OA's tokens. */
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

    /**
     * The key that encrypts the tokens: {@code HOTLINE_ENCRYPTION_KEY}; on the embedded default (H2 under the
     * data folder, one node) a key made once into the data folder. Nodes sharing PostgreSQL must share the key,
     * so there it has to be given.
     */
    @Bean
    SecretCipher zaloSecretCipher(@Value("${hotline.encryption-key:}") String key, @Value("${hotline.data-dir}") String dataDir,
                                  @Value("${spring.datasource.url:}") String datasourceUrl) {
        if (!key.isBlank()) {
            return SecretCipher.fromBase64(key);
        }
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("HOTLINE_ENCRYPTION_KEY must be set (base64 of 32 bytes) when the database is shared");
        }
        return SecretCipher.fromKeyFile(Path.of(dataDir, "secrets", "encryption.key"));
    }

    @Bean
    OkHttpClient zaloHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    ZaloTokens zaloTokens(ZaloSettings settings, JdbcClient jdbc, StringRedisTemplate redis, SecretCipher zaloSecretCipher,
                          OkHttpClient zaloHttp, Clock clock) {
        return new ZaloTokens(settings, jdbc, redis, zaloSecretCipher, zaloHttp, JsonMapper.builder().build(), clock);
    }

    @Bean
    ZaloSender zaloSender(ZaloSettings settings, ZaloTokens tokens, OkHttpClient zaloHttp) {
        return new ZaloSender(settings, tokens, zaloHttp, JsonMapper.builder().build());
    }

    @Bean
    ZaloEvents zaloEvents(MessageIntake intake, Contacts contacts, DeliveryReports reports, JdbcClient jdbc, Clock clock) {
        return new ZaloEvents(intake, contacts, reports, jdbc, clock);
    }
}
