package vn.kontum.hotline.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hotline on a random port, with Telegram (webhook mode) and Zalo pointed at local fakes. Every
 * integration test shares this one configuration, so one application (one embedded redis-server) serves them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.admin-password=" + HotlineIntegrationTest.ADMIN_PASSWORD,
        "hotline.queue.requeue-after=PT3S",
        "hotline.queue.claim-after=PT3S",
        "hotline.queue.sweep-every=PT1S",
        "hotline.webchat.per-session-per-minute=30",
        "hotline.webchat.per-address-per-minute=0",
        "hotline.telegram.bot-username=hotline_test_bot",
        // A platform that does not answer is given up on sooner than in production, so that a test of it is short.
        "hotline.telegram.read-timeout=PT6S",
        "hotline.zalo.read-timeout=PT6S",
        "spring.flyway.clean-disabled=false"})
@Import(HotlineIntegrationTest.CleanStores.class)
public abstract class HotlineIntegrationTest {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final FakeTelegram TELEGRAM = new FakeTelegram();
    public static final FakeZalo ZALO = new FakeZalo();
    public static final String TELEGRAM_WEBHOOK_SECRET = "test-webhook-secret_42";
    public static final String ENCRYPTION_KEY = TestEnvironment.ENCRYPTION_KEY;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestEnvironment.properties("test", 2, TestEnvironment.DATA_DIR, TestEnvironment.EMBEDDED_REDIS_PORT)
                .forEach((k, v) -> registry.add(k, () -> v));
        registry.add("hotline.telegram.token", () -> FakeTelegram.TOKEN);
        registry.add("hotline.telegram.api-url", TELEGRAM::baseUrl);
        registry.add("hotline.telegram.webhook-secret", () -> TELEGRAM_WEBHOOK_SECRET);
        // Resolved when the webhook is registered, once the server listens on its random port.
        registry.add("hotline.telegram.webhook-url", () -> "http://127.0.0.1:${local.server.port}/webhooks/telegram");
        registry.add("hotline.zalo.app-id", () -> FakeZalo.APP_ID);
        registry.add("hotline.zalo.app-secret", () -> FakeZalo.APP_SECRET);
        registry.add("hotline.zalo.oa-secret-key", () -> FakeZalo.OA_SECRET_KEY);
        registry.add("hotline.zalo.access-token", () -> FakeZalo.FIRST_ACCESS_TOKEN);
        registry.add("hotline.zalo.refresh-token", () -> FakeZalo.FIRST_REFRESH_TOKEN);
        registry.add("hotline.zalo.api-url", ZALO::baseUrl);
        registry.add("hotline.zalo.oauth-url", ZALO::baseUrl);
    }

    /** A clean database and Redis for the test run: PostgreSQL and Redis outlive test runs, the temporary folder does not. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CleanStores {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }

        @Bean
        Object flushTestRedis(StringRedisTemplate redis) {
            redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
                c.serverCommands().flushDb();
                return null;
            });
            return new Object();
        }
    }

    /** Someone writes on Telegram; returns the case the message went to, once the hotline has processed it. */
    protected long telegramCase(long chatId, String name, String text) {
        int update = TELEGRAM.userWrites(chatId, name, text);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select case_id from message where inbound_key = :k and case_id is not null").param("k", "telegram:" + update).query(Long.class).optional()
                .isPresent());
        return jdbc.sql("select case_id from message where inbound_key = :k").param("k", "telegram:" + update).query(Long.class).single();
    }

    /**
     * Once the bot has answered all that this Telegram chat wrote, every reply sent (a reply may come as several
     * messages: where her case went, an answer, a question): the messages the chat has then. Not for a chat whose
     * replies are held for her safe hours.
     */
    protected java.util.List<FakeTelegram.Sent> telegramAnswered(long chatId) {
        awaitAnswered("telegram", Long.toString(chatId), () -> !TELEGRAM.sentTo(chatId).isEmpty());
        return TELEGRAM.sentTo(chatId);
    }

    /** As {@link #telegramAnswered}, for a Zalo user. */
    protected java.util.List<FakeZalo.Sent> zaloAnswered(String userId) {
        awaitAnswered("zalo", userId, () -> !ZALO.sentTo(userId).isEmpty());
        return ZALO.sentTo(userId);
    }

    private void awaitAnswered(String channel, String userId, java.util.function.BooleanSupplier sentSome) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sentSome.getAsBoolean()
                && jdbc.sql("""
                        select count(*) from message m join contact c on c.id = m.contact_id
                        where c.channel = :channel and c.channel_user_id = :user
                          and (m.direction = 'IN' and m.state = 'ACCEPTED' or m.direction = 'OUT' and m.state in ('QUEUED', 'SENDING'))""")
                .param("channel", channel).param("user", userId).query(Long.class).single() == 0);
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A browser-like client keeping its cookies, as a woman's phone would. */
    protected static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    protected HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(HttpClient client, String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(HttpClient client, String path, String body) throws Exception {
        return postJson(client, path, body.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> getAs(String user, String password, String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
