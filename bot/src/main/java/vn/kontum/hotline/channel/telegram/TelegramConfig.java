package vn.kontum.hotline.channel.telegram;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import vn.kontum.hotline.intake.MessageIntake;

/**
 * Telegram, when {@code TELEGRAM_BOT_TOKEN} is set, against {@code TELEGRAM_API_URL} (Telegram's servers, or a
 * self-hosted Bot API server). With {@code TELEGRAM_WEBHOOK_SECRET}, updates come to this server's webhook
 * ({@link TelegramWebhook}, registered at start when {@code TELEGRAM_WEBHOOK_URL} is given); without it, by
 * long polling. The beans are wired here: the library's Spring starters target an older Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(TelegramConfig.ENABLED)
class TelegramConfig {

    static final String ENABLED = "!'${hotline.telegram.token:}'.isBlank()";
    static final String WEBHOOK = ENABLED + " && !'${hotline.telegram.webhook-secret:}'.isBlank()";
    static final String POLLING = ENABLED + " && '${hotline.telegram.webhook-secret:}'.isBlank()";

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /** {@code read-timeout}: how long a send waits for Telegram's answer before it is retried later (with backoff). */
    @Bean
    OkHttpTelegramClient telegramClient(@Value("${hotline.telegram.token}") String token,
                                        @Value("${hotline.telegram.api-url}") String apiUrl,
                                        @Value("${hotline.telegram.read-timeout:PT30S}") java.time.Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .build();
        return new OkHttpTelegramClient(new ObjectMapper(), http, token, telegramUrl(apiUrl));
    }

    @Bean
    TelegramMessages telegramMessages(OkHttpTelegramClient client, StringRedisTemplate redis,
                                      @Value("${hotline.telegram.max-per-second:30}") int perSecond,
                                      @Value("${hotline.telegram.per-chat-interval:PT1S}") java.time.Duration perChat) {
        return new TelegramMessages(client, new TelegramSendBudget(redis, "hotline:telegram", perSecond, perChat));
    }

    @Bean
    TelegramSender telegramSender(TelegramMessages messages) {
        return new TelegramSender(messages);
    }

    @Bean
    TelegramAttachments telegramAttachments(OkHttpTelegramClient client, @Value("${hotline.telegram.token}") String token,
                                            @Value("${hotline.telegram.api-url}") String apiUrl) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .readTimeout(java.time.Duration.ofSeconds(30))
                .followRedirects(false)
                .build();
        return new TelegramAttachments(client, http, apiUrl, token);
    }

    @Bean
    TelegramChatEraser telegramChatEraser(OkHttpTelegramClient client) {
        return new TelegramChatEraser(client);
    }

    @Bean
    @ConditionalOnExpression(WEBHOOK)
    TelegramWebhookRegistration telegramWebhookRegistration(OkHttpTelegramClient client, Environment environment,
                                                            @Value("${hotline.telegram.webhook-secret}") String secret) {
        return new TelegramWebhookRegistration(client, environment, secret.strip());
    }

    @Bean
    @ConditionalOnExpression(POLLING)
    TelegramPolling telegramPolling(@Value("${hotline.telegram.token}") String token,
                                    @Value("${hotline.telegram.api-url}") String apiUrl, MessageIntake intake,
                                    ObjectProvider<TelegramOfficerUpdates> officerUpdates) {
        return new TelegramPolling(token, telegramUrl(apiUrl), new TelegramUpdates(intake, officerUpdates.orderedStream().toList()));
    }
}
