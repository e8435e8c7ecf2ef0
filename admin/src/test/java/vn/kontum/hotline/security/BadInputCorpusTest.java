package vn.kontum.hotline.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the bad-input corpus ({@code src/test/resources/bad-input/cases.jsonl}) against the running
 * hotline: each gets the answer the corpus expects (a clear 4xx, or accepted and kept exactly, or ignored),
 * nothing is stored for a refused one, and the hotline is healthy afterwards. The tally goes to
 * {@code target/bad-input-report.txt}.
 */
class BadInputCorpusTest extends HotlineIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_case_of_the_bad_input_corpus_gets_a_clear_answer_and_the_hotline_stays_healthy() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/bad-input/cases.jsonl"), StandardCharsets.UTF_8);
        Map<String, Integer> tally = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            n++;
            JsonNode c = JSON.readTree(line);
            long before = inbound();
            HttpResponse<String> response = send(c, n);
            long stored = inbound() - before;
            String outcome = outcome(response.statusCode(), stored);
            tally.merge(outcome, 1, Integer::sum);
            report.add(String.format("%-55s %d  %s", c.path("name").asString(), response.statusCode(), outcome));
            if (!matches(c.path("expect").asString(), response.statusCode(), stored)) {
                wrong.add(c.path("name").asString() + ": expected " + c.path("expect").asString() + ", got " + response.statusCode()
                        + " with " + stored + " stored");
            }
        }
        HttpResponse<String> health = get(HttpClient.newHttpClient(), "/actuator/health");
        report.add("");
        report.add("cases tried: " + n + "; outcomes: " + tally + "; health afterwards: " + health.statusCode());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/bad-input-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(wrong).as("cases answered other than the corpus expects").isEmpty();
        assertThat(n).isGreaterThanOrEqualTo(40);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    private static String outcome(int status, long stored) {
        if (status >= 400 && status < 500) {
            return stored == 0 ? "refused 4xx, nothing stored" : "REFUSED BUT STORED";
        }
        if (status >= 500) {
            return "SERVER ERROR";
        }
        return stored == 1 ? "accepted and stored" : stored == 0 ? "answered " + status + ", ignored" : "STORED " + stored + " TIMES";
    }

    private static boolean matches(String expect, int status, long stored) {
        boolean clientError = status >= 400 && status < 500 && stored == 0;
        boolean ignored = status == 200 && stored == 0;
        boolean storedOnce = (status == 200 || status == 202) && stored == 1;
        return switch (expect) {
            case "4xx" -> clientError;
            case "202" -> status == 202 && stored == 1;
            case "200-ignored" -> ignored;
            case "200-stored" -> status == 200 && stored == 1;
            case "4xx-or-202" -> clientError || (status == 202 && stored == 1);
            case "4xx-or-200" -> clientError || ignored || storedOnce;
            case "4xx-or-200-ignored" -> clientError || ignored;
            default -> status == Integer.parseInt(expect) && (status / 100 != 4 || stored == 0);
        };
    }

    private long inbound() {
        return jdbc.sql("select count(*) from message where direction = 'IN'").query(Long.class).single();
    }

    private HttpResponse<String> send(JsonNode c, int n) throws IOException, InterruptedException {
        String target = c.path("target").asString();
        byte[] body = body(c, target, n);
        String path = switch (target) {
            case "web" -> "/chat/api/messages";
            case "telegram" -> "/webhooks/telegram";
            case "zalo" -> "/webhooks/zalo";
            default -> throw new IllegalArgumentException(target);
        };
        HttpClient client = browser();
        if (target.equals("web")) {
            client.send(HttpRequest.newBuilder(URI.create(url("/chat"))).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", c.path("contentType").asString("application/json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.equals("telegram")) {
            switch (c.path("secret").asString("good")) {
                case "good" -> request.header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_WEBHOOK_SECRET);
                case "bad" -> request.header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_WEBHOOK_SECRET + "x");
                default -> { }
            }
        }
        if (target.equals("zalo")) {
            String ts = timestamp(c);
            switch (c.path("sign").asString("good")) {
                case "good" -> request.header("X-ZEvent-Signature", FakeZalo.signature(body, ts));
                case "bad" -> request.header("X-ZEvent-Signature", "mac=" + "0".repeat(64));
                default -> { }
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private final Map<Integer, String> timestamps = new LinkedHashMap<>();

    private String timestamp(JsonNode c) {
        return timestamps.computeIfAbsent(System.identityHashCode(c), k ->
                Long.toString(System.currentTimeMillis() - (c.path("old").asBoolean(false) ? 3_600_000 : 0)));
    }

    private byte[] body(JsonNode c, String target, int n) {
        if (c.has("b64")) {
            return Base64.getDecoder().decode(c.path("b64").asString());
        }
        String text;
        if (c.has("repeat")) {
            String repeated = c.path("repeat").get(0).asString().repeat(c.path("repeat").get(1).asInt());
            text = switch (target) {
                case "web" -> "{\"clientMessageId\":\"r" + n + "\",\"text\":\"" + repeated + "\"}";
                case "telegram" -> "{\"update_id\":" + (992_000 + n) + ",\"message\":{\"message_id\":1,\"date\":1,"
                        + "\"chat\":{\"id\":782001,\"type\":\"private\"},\"text\":\"" + repeated + "\"}}";
                default -> FakeZalo.userSendsText("bad-user-" + n, "bad-r" + n, repeated, timestamp(c));
            };
        } else {
            text = c.path("body").asString()
                    .replace("{app}", FakeZalo.APP_ID).replace("{oa}", FakeZalo.OA_ID)
                    .replace("{uid}", "bad-user-" + n).replace("{ts}", Objects.requireNonNull(timestamp(c)));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
