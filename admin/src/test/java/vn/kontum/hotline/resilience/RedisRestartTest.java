package vn.kontum.hotline.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import vn.kontum.hotline.support.ChatWoman;
import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis restarted in the middle of web chat traffic, in the worst way: it keeps nothing, so the work streams, the
 * entries being worked on, the locks and the counters are gone. Every message the hotline acknowledged (before,
 * while Redis is away, after) is answered exactly once, health says DOWN meanwhile, and the hotline recovers by
 * itself. Redis here is a private redis-server without persistence on a free port, in both test profiles.
 */
class RedisRestartTest {

    private static final String PASSWORD = "redis-restart-password";
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(120);

    private final List<ChatWoman> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicBoolean redisAway = new AtomicBoolean();
    private final AtomicInteger acknowledgedWhileAway = new AtomicInteger();
    private final AtomicInteger refusedWhileAway = new AtomicInteger();
    private final AtomicInteger women = new AtomicInteger();

    @Test
    void redis_restarted_empty_mid_load_loses_nothing_acknowledged_and_answers_each_message_once() throws Exception {
        Path dataDir = TestEnvironment.tempDir();
        int redisPort = TestEnvironment.freePort();
        RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        Map<String, String> properties = new HashMap<>(TestEnvironment.properties("hotline_redis_restart", 5, dataDir, 0));
        properties.put("hotline.redis.url", "redis://127.0.0.1:" + redisPort);
        properties.put("hotline.admin-password", PASSWORD);
        properties.put("hotline.webchat.per-address-per-minute", "0");
        properties.put("hotline.queue.requeue-after", "PT3S");
        properties.put("hotline.queue.claim-after", "PT3S");
        properties.put("hotline.queue.sweep-every", "PT1S");
        if (TestEnvironment.postgres()) {
            CrashRecoveryTest.freshPostgresDatabase(TestEnvironment.database("hotline_redis_restart"));
        }
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        try (HotlineProcess hotline = HotlineProcess.start(TestEnvironment.freePort(), properties, dataDir.resolve("hotline.log"))) {
            String base = hotline.url("");
            long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
            for (int i = 0; i < 2; i++) {
                senders.add(Thread.ofVirtual().start(() -> sendUntilStopped(base, sending, deadline)));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            // A burst, and Redis goes the moment it is acknowledged: its messages are still in the streams.
            List<Thread> burst = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ChatWoman woman = new ChatWoman("b" + i, "em bị chồng đánh, em cần giúp, số " + i);
                burst.add(Thread.ofVirtual().start(() -> {
                    try {
                        assertThat(woman.open(base).send(base, Duration.ofSeconds(30)).statusCode()).isEqualTo(202);
                        acknowledged.add(woman);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : burst) {
                t.join();
            }
            redisAway.set(true);
            redis.stop(); // no persistence: it comes back empty
            int unansweredWhenRedisWent = unanswered(base);
            await().atMost(Duration.ofSeconds(30)).until(() -> hotline.health() == 503);
            // Intake needs only the database: the women are still acknowledged, their messages queued later.
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgedWhileAway.get() >= 5);
            assertThat(hotline.health()).isEqualTo(503);

            redis.start();
            redisAway.set(false);
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> hotline.health() == 200);
            long healthyAfterMillis = (System.nanoTime() - back) / 1_000_000;
            int before = acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 10);
            sending.set(false);
            for (Thread t : senders) {
                t.join();
            }

            int cases = acknowledged.size();
            AdminApi api = new AdminApi(hotline, PASSWORD);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> api.settled(cases));
            System.out.printf("Redis restart: %d messages acknowledged, %d of them while Redis was away (%d refused), %d unanswered "
                            + "when it went; health UP %d ms after it came back%n", cases, acknowledgedWhileAway.get(),
                    refusedWhileAway.get(), unansweredWhenRedisWent, healthyAfterMillis);
            for (ChatWoman woman : acknowledged) {
                assertThat(woman.answers(base)).as("answers %s sees", woman.clientMessageId()).isEqualTo(1);
            }
            api.assertEachCaseHasOneMessageAndOneReply(cases);
        } finally {
            sending.set(false);
            redis.stop();
        }
    }

    /** One woman after another, each sending until acknowledged, as the chat page retries a 5xx. */
    private void sendUntilStopped(String base, AtomicBoolean sending, long deadline) {
        while (sending.get() && System.nanoTime() < deadline) {
            int n = women.incrementAndGet();
            ChatWoman woman = new ChatWoman("r" + n, "chị ơi em cần giúp đỡ, lần " + n);
            boolean open = false;
            while (System.nanoTime() < deadline) {
                boolean away = redisAway.get();
                try {
                    if (!open) {
                        woman.open(base);
                        open = true;
                    }
                    int status = woman.send(base, Duration.ofSeconds(30)).statusCode();
                    if (status == 202) {
                        acknowledged.add(woman);
                        if (away && redisAway.get()) {
                            acknowledgedWhileAway.incrementAndGet();
                        }
                        break;
                    }
                    if (away) {
                        refusedWhileAway.incrementAndGet();
                    }
                } catch (Exception e) {
                    // no answer: the page tries again
                }
                pause(500);
            }
            pause(300);
        }
    }

    /** Women acknowledged so far who see no answer yet. */
    private int unanswered(String base) throws Exception {
        int n = 0;
        for (ChatWoman woman : List.copyOf(acknowledged)) {
            if (woman.answers(base) == 0) {
                n++;
            }
        }
        return n;
    }


    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
