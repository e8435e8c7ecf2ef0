package vn.kontum.hotline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A woman on the web chat, as her phone's browser is: a session cookie (good on any node: they share one host
 * name here), messages sent with a client id so that a retry is stored once, and her own thread as she reads it.
 */
public final class ChatWoman {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String clientMessageId;
    private final String text;

    /** She will write {@code text} once; every send is the same message, as the page's retries are. */
    public ChatWoman(String clientMessageId, String text) {
        this.clientMessageId = clientMessageId;
        this.text = text;
    }

    /** Opens the chat page on the hotline at {@code baseUrl}: her session starts. */
    public ChatWoman open(String baseUrl) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        return this;
    }

    /** Sends her message; the answer as the page gets it (202 once stored). */
    public HttpResponse<String> send(String baseUrl, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/api/messages")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("clientMessageId", clientMessageId).put("text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many answers from the hotline she sees in her thread. */
    public int answers(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> thread = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/api/messages"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        if (thread.statusCode() != 200) {
            return -1;
        }
        int answers = 0;
        for (JsonNode line : JSON.readTree(thread.body())) {
            if ("hotline".equals(line.path("from").asString())) {
                answers++;
            }
        }
        return answers;
    }

    public String clientMessageId() {
        return clientMessageId;
    }
}
