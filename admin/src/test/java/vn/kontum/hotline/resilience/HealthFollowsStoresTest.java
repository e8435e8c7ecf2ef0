package vn.kontum.hotline.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health says UP only while Redis answers, says so while it is away, and recovers by itself. */
class HealthFollowsStoresTest {

    @Test
    void health_goes_down_without_redis_and_comes_back_with_it() throws Exception {
        Path dataDir = TestEnvironment.tempDir();
        int redisPort = TestEnvironment.freePort();
        RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).setting("save \"\"").build();
        redis.start();
        Map<String, String> properties = new HashMap<>(TestEnvironment.properties("hotline_health", 4, dataDir, 0));
        properties.put("hotline.redis.url", "redis://127.0.0.1:" + redisPort);
        properties.put("hotline.admin-password", "health-test-password");
        if (TestEnvironment.postgres()) {
            CrashRecoveryTest.freshPostgresDatabase(TestEnvironment.database("hotline_health"));
        }
        try (HotlineProcess hotline = HotlineProcess.start(TestEnvironment.freePort(), properties, dataDir.resolve("hotline.log"))) {
            assertThat(health(hotline)).isEqualTo(200);

            redis.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(hotline) == 503);

            redis.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> health(hotline) == 200);
        } finally {
            redis.stop();
        }
    }

    private static int health(HotlineProcess hotline) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hotline.url("/actuator/health")))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
