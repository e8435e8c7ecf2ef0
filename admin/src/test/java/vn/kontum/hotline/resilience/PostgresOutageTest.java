package vn.kontum.hotline.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.support.ChatWoman;
import vn.kontum.hotline.support.FakeTelegram;
import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.TcpProxy;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL away for 30 seconds (a proxy between the hotline and the shared server cuts every connection and
 * refuses new ones), starting the moment Zalo took a reply the hotline has yet to record as sent: meanwhile
 * health says DOWN, the web chat and Telegram hear 503 within seconds, so that they send again, and Zalo's signed
 * events are kept in Redis (Zalo does not promise to send them again); nothing is half stored. After it, everything sent before, during (sent again) and
 * after is answered exactly once (that reply too: not sent again), and the hotline recovered by itself.
 */
class PostgresOutageTest {

    private static final String DATABASE = "hotline_pg_outage";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Hikari waits 5 s for a connection; beyond this an answer is a hang to a platform. */
    private static final Duration PROMPT = Duration.ofSeconds(9);
    private static final String SECRET = "pg-outage-webhook-secret";
    private static final long FIRST_CHAT = 786_001;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedDatabase database = new SharedDatabase(DATABASE);
    private final List<ChatWoman> women = new ArrayList<>();
    private final List<String> zaloUsers = new ArrayList<>();
    private final List<Long> telegramChats = new ArrayList<>();

    @Test
    void intake_answers_503_while_postgres_is_away_and_everything_is_answered_once_after() throws Exception {
        assumeTrue(TestEnvironment.postgres(), "the embedded H2 database cannot be taken away from the hotline");
        CrashRecoveryTest.freshPostgresDatabase(TestEnvironment.database(DATABASE));
        TestEnvironment.flushRedis(5);
        Path dataDir = TestEnvironment.tempDir();
        int port = TestEnvironment.freePort();
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432); FakeZalo zalo = new FakeZalo(); FakeTelegram telegram = new FakeTelegram()) {
            Map<String, String> properties = new HashMap<>(TestEnvironment.properties(DATABASE, 5, dataDir, 0));
            properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + TestEnvironment.database(DATABASE));
            properties.put("hotline.admin-password", "pg-outage-password");
            properties.put("hotline.webchat.per-address-per-minute", "0");
            properties.put("hotline.queue.requeue-after", "PT2S");
            properties.put("hotline.queue.claim-after", "PT3S");
            properties.put("hotline.queue.sweep-every", "PT1S");
            properties.putAll(zalo.properties());
            properties.putAll(telegram.properties("http://127.0.0.1:" + port + "/webhooks/telegram", SECRET));

            try (HotlineProcess hotline = HotlineProcess.start(port, properties, dataDir.resolve("hotline.log"))) {
                String base = hotline.url("");
                // Before: acknowledged; the database goes the moment Zalo took the first reply (the hotline has yet to
                // record it as sent), while some of the web chat messages are still being processed.
                int before = telegram.userWrites(newTelegramChat(), "Hơ Lan", "em cần giúp đỡ trước");
                await().atMost(Duration.ofSeconds(30)).until(() -> telegram.webhookAnswers(before).stream().anyMatch(a -> a.status() == 200));
                for (int i = 0; i < 8; i++) {
                    assertThat(newWoman(base, "before " + i).send(base, Duration.ofSeconds(30)).statusCode()).isEqualTo(202);
                }
                AtomicLong cutAt = new AtomicLong();
                zalo.onSend(token -> {
                    if (cutAt.get() == 0) {
                        proxy.cut();
                        cutAt.set(System.nanoTime());
                    }
                });
                assertThat(zaloWrites(base, newZaloUser(), "before0")).isEqualTo(200);
                for (int i = 1; i < 3; i++) {
                    assertThat(zaloWrites(base, newZaloUser(), "before" + i)).isIn(200, 503); // the cut may come first
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> cutAt.get() != 0);
                zalo.onSend(token -> { });

                await().atMost(Duration.ofSeconds(30)).until(() -> hotline.health() == 503);

                // During: every channel is told to try again, promptly and clearly; nothing is stored.
                int refused = 0;
                long slowest = 0;
                for (int round = 0; System.nanoTime() - cutAt.get() < OUTAGE.toNanos() - PROMPT.toNanos(); round++) {
                    ChatWoman woman = newWoman(base, "during " + round);
                    long started = System.nanoTime();
                    HttpResponse<String> chat = woman.send(base, PROMPT.plusSeconds(5));
                    slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                    assertUnavailable(chat);

                    started = System.nanoTime();
                    int zaloStatus = zaloWrites(base, newZaloUser(), "during" + round);
                    slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                    assertThat(zaloStatus).as("a signed Zalo event is kept in Redis, not refused").isEqualTo(200);
                    refused += 1;
                }
                long telegramChat = newTelegramChat();
                int during = telegram.userWrites(telegramChat, "Y Blih", "em cần giúp đỡ lúc mất điện");
                await().atMost(PROMPT.plusSeconds(5)).until(() -> !telegram.webhookAnswers(during).isEmpty());
                assertThat(telegram.webhookAnswers(during).getFirst().status()).isEqualTo(503);
                assertThat(refused).isGreaterThanOrEqualTo(2);
                assertThat(slowest).as("slowest refusal, ms").isLessThan(PROMPT.toMillis());
                assertThat(hotline.health()).isEqualTo(503);
                long waitLeft = OUTAGE.toMillis() - (System.nanoTime() - cutAt.get()) / 1_000_000;
                if (waitLeft > 0) {
                    Thread.sleep(waitLeft); // the outage lasts its 30 s whatever the machine's speed
                }

                proxy.restore();
                long restoredAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> hotline.health() == 200);
                System.out.printf("PostgreSQL outage: %d refusals, the slowest in %d ms; health UP %d ms after the database came back%n",
                        refused + 1, slowest, (System.nanoTime() - restoredAt) / 1_000_000);

                // After: the refused messages come again, as the page sends them; Telegram keeps trying by itself. Zalo's
                // events of the outage are not sent again: the ones kept in Redis must be answered all the same. Those of
                // the moment of the cut (maybe refused before the database was known to be away) are sent again.
                for (ChatWoman woman : women) {
                    assertThat(woman.send(base, Duration.ofSeconds(30)).statusCode()).isEqualTo(202);
                }
                for (int i = 0; i < 3; i++) {
                    assertThat(zaloWrites(base, zaloUsers.get(i), "before" + i)).isEqualTo(200);
                }
                for (int i = 0; i < 5; i++) {
                    assertThat(newWoman(base, "after " + i).send(base, Duration.ofSeconds(30)).statusCode()).isEqualTo(202);
                }

                int expected = women.size() + zaloUsers.size() + telegramChats.size();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> database.nothingLeftToDo() && database.answeredCases() == expected);
                for (ChatWoman woman : women) {
                    assertThat(woman.answers(base)).as("answers %s sees", woman.clientMessageId()).isEqualTo(1);
                }
                for (String user : zaloUsers) {
                    OneAnswer.received(zalo.sentTo(user).stream().map(s -> s.text()).toList(), "zalo user " + user);
                }
                for (long chat : telegramChats) {
                    OneAnswer.received(telegram.sentTo(chat).stream().map(s -> s.text()).toList(), "telegram chat " + chat);
                }
                assertThat(telegram.webhookAnswers(during).getLast().status()).isEqualTo(200);
                database.assertEachCaseHasOneMessageAndOneReply(expected);
            }
        }
    }

    private ChatWoman newWoman(String base, String tag) throws Exception {
        ChatWoman woman = new ChatWoman("m-" + women.size(), "em cần giúp đỡ, " + tag).open(base);
        women.add(woman);
        return woman;
    }

    private String newZaloUser() {
        String user = Long.toString(7_800_000_000_000_000_000L + zaloUsers.size());
        zaloUsers.add(user);
        return user;
    }

    private long newTelegramChat() {
        long chat = FIRST_CHAT + telegramChats.size();
        telegramChats.add(chat);
        return chat;
    }

    /** The same msg_id every time for a user: a redelivery, as Zalo makes it. */
    private static int zaloWrites(String base, String user, String tag) throws Exception {
        String ts = FakeZalo.now();
        byte[] body = FakeZalo.userSendsText(user, "pg" + user.substring(user.length() - 3), "chị ơi em cần hỏi " + tag, ts)
                .getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/webhooks/zalo")).timeout(PROMPT.plusSeconds(5))
                        .header("Content-Type", "application/json").header("X-ZEvent-Signature", FakeZalo.signature(body, ts))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("error").asString()).isEqualTo("unavailable");
        assertThat(body.path("message").asString()).isNotBlank();
    }
}
