package vn.kontum.hotline.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.ChatWoman;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * On the embedded default the hotline runs its own redis-server; when that process dies (killed, out of memory)
 * nobody else would start it again, so the hotline does, from its append-only file, and goes on by itself.
 */
class EmbeddedRedisRestartTest extends HotlineIntegrationTest {

    @Test
    void a_killed_embedded_redis_server_is_started_again_and_a_message_sent_meanwhile_is_answered_once() throws Exception {
        assumeFalse(TestEnvironment.postgres(), "with a Redis URL the hotline runs no redis-server of its own");
        Path pidFile = TestEnvironment.DATA_DIR.resolve("redis").resolve("redis.pid");
        long killed = pid(pidFile);
        ProcessHandle redis = ProcessHandle.of(killed).orElseThrow();
        assertThat(redis.info().command()).hasValueSatisfying(c -> assertThat(c).contains("redis-server"));

        redis.destroyForcibly(); // SIGKILL
        redis.onExit().get(10, TimeUnit.SECONDS);
        ChatWoman woman = new ChatWoman("killed-redis-1", "chị ơi cho em hỏi chuyện vay vốn");
        assertThat(woman.open(url("")).send(url(""), Duration.ofSeconds(30)).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> pid(pidFile) != killed && ProcessHandle.of(pid(pidFile)).map(ProcessHandle::isAlive).orElse(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> get(browser(), "/actuator/health").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> woman.answers(url("")) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from message where direction = 'OUT' and state = 'SENT'
                          and reply_to = (select id from message where inbound_key like :key)""")
                .param("key", "web:%:killed-redis-1").query(Long.class).single() == 1);
        assertThat(woman.answers(url(""))).isEqualTo(1);
    }

    private static long pid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (Exception e) {
            return -1; // being written again
        }
    }
}
