package vn.kontum.hotline.resilience;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledged means answered: messages accepted by a hotline that is killed (SIGKILL) before it processed
 * them are each answered exactly once after it starts again on the same data.
 */
class CrashRecoveryTest {

    private static final int MESSAGES = 40;
    private static final String PASSWORD = "crash-test-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void messages_acknowledged_before_a_crash_are_answered_exactly_once_after_restart() throws Exception {
        Path dataDir = TestEnvironment.tempDir();
        int port = TestEnvironment.freePort();
        Map<String, String> properties = new HashMap<>(TestEnvironment.properties("hotline_crash", 3, dataDir, TestEnvironment.freePort()));
        properties.put("hotline.admin-password", PASSWORD);
        properties.put("hotline.webchat.per-address-per-minute", "0");
        properties.put("hotline.queue.requeue-after", "PT2S");
        properties.put("hotline.queue.claim-after", "PT2S");
        properties.put("hotline.queue.sweep-every", "PT1S");
        if (TestEnvironment.postgres()) {
            freshPostgresDatabase(TestEnvironment.database("hotline_crash"));
            TestEnvironment.flushRedis(3);
        }

        List<HttpClient> women = new ArrayList<>();
        Map<String, String> notProcessing = new HashMap<>(properties);
        notProcessing.put("hotline.workers.processing-threads", "0");
        HotlineProcess first = HotlineProcess.start(port, notProcessing, dataDir.resolve("first.log"));
        for (int i = 0; i < MESSAGES; i++) {
            HttpClient woman = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            woman.send(HttpRequest.newBuilder(URI.create(first.url("/chat"))).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> ack = woman.send(HttpRequest.newBuilder(URI.create(first.url("/chat/api/messages")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"clientMessageId\":\"m" + i + "\",\"text\":\"em cần giúp đỡ số " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ack.statusCode()).isEqualTo(202);
            women.add(woman);
        }
        first.kill();

        try (HotlineProcess second = HotlineProcess.start(port, properties, dataDir.resolve("second.log"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> answeredThreads(second) == MESSAGES);
            Thread.sleep(3_000); // time for any duplicate to show up
            for (JsonNode c : cases(second)) {
                JsonNode thread = get(second, "/api/v1/cases/" + c.path("id").asLong() + "/messages");
                long in = count(thread, "IN", null);
                long out = count(thread, "OUT", null);
                assertThat(in).as("case %s inbound", c.path("id")).isEqualTo(1);
                assertThat(out).as("case %s replies", c.path("id")).isEqualTo(1);
                assertThat(count(thread, "OUT", "SENT")).isEqualTo(1);
            }
            assertThat(cases(second)).hasSize(MESSAGES);
            for (HttpClient woman : women) {
                String mine = woman.send(HttpRequest.newBuilder(URI.create(second.url("/chat/api/messages"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(mine.split("\"from\":\"hotline\"", -1)).as("each woman sees one answer").hasSize(2);
            }
        }
    }

    private static long answeredThreads(HotlineProcess hotline) throws Exception {
        long answered = 0;
        for (JsonNode c : cases(hotline)) {
            if (count(get(hotline, "/api/v1/cases/" + c.path("id").asLong() + "/messages"), "OUT", "SENT") > 0) {
                answered++;
            }
        }
        return answered;
    }

    private static List<JsonNode> cases(HotlineProcess hotline) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get(hotline, "/api/v1/cases?limit=1000").forEach(out::add);
        return out;
    }

    private static long count(JsonNode thread, String direction, String state) {
        long n = 0;
        for (JsonNode m : thread) {
            if (direction.equals(m.path("direction").asString()) && (state == null || state.equals(m.path("state").asString()))) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode get(HotlineProcess hotline, String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hotline.url(path)))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static void freshPostgresDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + TestEnvironment.database("test"),
                System.getProperty("hotline.test.pg-user", "postgres"), "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }
}
