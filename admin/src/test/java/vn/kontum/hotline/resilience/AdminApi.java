package vn.kontum.hotline.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.support.HotlineProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** The cases as the monitoring API shows them to an administrator, for tests of a hotline in its own process. */
final class AdminApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HotlineProcess hotline;
    private final String auth;
    private final HttpClient http = HttpClient.newHttpClient();

    AdminApi(HotlineProcess hotline, String password) {
        this.hotline = hotline;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Each case's thread: its messages with direction and state. */
    List<JsonNode> threads() throws Exception {
        List<JsonNode> threads = new ArrayList<>();
        for (JsonNode c : get("/api/v1/cases?limit=1000")) {
            threads.add(get("/api/v1/cases/" + c.path("id").asLong() + "/messages"));
        }
        return threads;
    }

    /** Nothing waits to be processed or sent any more: no duplicate can still come. */
    boolean settled(int cases) throws Exception {
        List<JsonNode> threads = threads();
        return threads.size() == cases && threads.stream().allMatch(t -> count(t, "OUT", "SENT") >= 1
                && count(t, "OUT", null) == count(t, "OUT", "SENT") && count(t, "IN", null) == count(t, "IN", "PROCESSED"));
    }

    void assertEachCaseHasOneMessageAndOneReply(int cases) throws Exception {
        List<JsonNode> threads = threads();
        assertThat(threads).hasSize(cases);
        for (JsonNode thread : threads) {
            assertThat(count(thread, "IN", null)).as("messages in a case").isEqualTo(1);
            assertThat(count(thread, "OUT", null)).as("replies in a case").isEqualTo(1);
            assertThat(count(thread, "OUT", "SENT")).as("replies sent in a case").isEqualTo(1);
        }
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

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hotline.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
