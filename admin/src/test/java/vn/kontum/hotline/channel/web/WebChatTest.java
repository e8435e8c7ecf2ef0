package vn.kontum.hotline.channel.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import vn.kontum.hotline.support.EventStream;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The web chat as a browser uses it, and as a careless or hostile client misuses it. */
@ExtendWith(OutputCaptureExtension.class)
class WebChatTest extends HotlineIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void the_chat_page_is_served_with_a_strict_content_security_policy_and_a_session_cookie() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, "/chat");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Trò chuyện với Địa chỉ tin cậy").contains("113").contains("src=\"/chat/chat.js\"")
                .doesNotContain("<script>");
        // The erase words as she types them, accents and all (the page clears her screen on them).
        assertThat(page.body()).contains("data-erase-words=\"/xoa,xoa,xoá,xóa,/erase\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("hotline_chat=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(page.body()).contains("data-session=\"ready\"");
        // Nothing of the chat stays in her browser's cache, its script and style no more than its page.
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        for (String file : new String[] {"/chat/chat.js", "/chat/chat.css"}) {
            HttpResponse<String> asset = get(browser, file);
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(file).hasValue("no-store");
        }
    }

    /**
     * She comes back to the chat by a link from another site, and her browser keeps her cookie back from that
     * navigation (one set Strict, as they all were before): the page is served without a new cookie over hers, and
     * asks for its session itself, a request of the page that carries her cookie. Her thread is still hers.
     */
    @Test
    void a_page_reached_from_another_site_without_her_cookie_does_not_replace_it() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        String hers = session(browser);
        assertThat(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"back-1\",\"text\":\"em lại vào đây\"}").statusCode())
                .isEqualTo(202);

        HttpResponse<String> arrival = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/chat")))
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(arrival.statusCode()).isEqualTo(200);
        assertThat(arrival.headers().allValues("Set-Cookie")).as("no new cookie over hers").isEmpty();
        assertThat(arrival.body()).contains("data-session=\"pending\"");

        HttpResponse<String> started = postJson(browser, "/chat/api/session", "");
        assertThat(started.statusCode()).isEqualTo(204);
        assertThat(started.headers().allValues("Set-Cookie")).as("hers again, now Lax").singleElement().satisfies(c ->
                assertThat(c).startsWith(ChatSession.COOKIE + "=" + hers + ";").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(session(browser)).isEqualTo(hers);
        assertThat(get(browser, "/chat/api/messages").body()).contains("em lại vào đây");

        // Without any cookie, a new session; but never from a form of another site (it cannot send JSON).
        HttpClient newcomer = browser();
        assertThat(postJson(newcomer, "/chat/api/session", "").statusCode()).isEqualTo(204);
        assertThat(session(newcomer)).isNotEqualTo(hers);
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/chat/api/session")))
                .header("Content-Type", "text/plain").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();

        // Typed in, or from the hotline's own pages: nothing is kept back, and the page comes with its session.
        HttpResponse<String> typed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/chat")))
                .header("Sec-Fetch-Site", "none").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(typed.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c).contains("SameSite=Lax"));
        assertThat(typed.body()).contains("data-session=\"ready\"");
    }

    @Test
    void a_message_gets_an_answer_in_the_thread_within_seconds(CapturedOutput output) throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        String secret = "Cho em hỏi cách tham gia tổ tiết kiệm vay vốn ở làng, tên em là Xuân-" + System.nanoTime();

        HttpResponse<String> sent = postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"a1\",\"text\":\"" + secret + "\"}");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(sent.body()).contains("\"duplicate\":false");

        await().atMost(Duration.ofSeconds(10)).until(() -> get(browser, "/chat/api/messages").body().contains("\"from\":\"hotline\""));
        String thread = get(browser, "/chat/api/messages").body();
        assertThat(thread).contains(secret).contains("Xin chào, đây là Địa chỉ tin cậy");
        assertThat(output.getAll()).as("no message text in the logs").doesNotContain(secret).doesNotContain("Xuân");
    }

    /** The page's stream says "new" when her answer is there, so that the page reads it at once instead of at its next poll. */
    @Test
    void the_open_page_is_told_when_the_answer_is_there() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        try (EventStream page = EventStream.open(browser, URI.create(url("/chat/api/stream")))) {
            page.awaitData("ok");
            HttpResponse<String> sent = postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"push-1\",\"text\":\"cho em hỏi tổ vay vốn\"}");
            assertThat(sent.statusCode()).isEqualTo(202);

            page.awaitData("new");
            assertThat(get(browser, "/chat/api/messages").body()).contains("\"from\":\"hotline\"");
        }
    }

    /** Several pages told in one Redis message (a busy moment on another node): each open page hears of it. */
    @Test
    void pages_told_together_each_hear_of_their_answer() throws Exception {
        HttpClient first = browser();
        HttpClient second = browser();
        HttpClient third = browser();
        get(first, "/chat");
        get(second, "/chat");
        get(third, "/chat");
        try (EventStream one = EventStream.open(first, URI.create(url("/chat/api/stream")));
             EventStream two = EventStream.open(second, URI.create(url("/chat/api/stream")));
             EventStream three = EventStream.open(third, URI.create(url("/chat/api/stream")))) {
            one.awaitData("ok");
            two.awaitData("ok");
            three.awaitData("ok");

            redis.convertAndSend(ChatPush.CHANNEL, session(first) + "\n" + session(second) + "\n" + session(first));
            one.awaitData("new");
            two.awaitData("new");
            redis.convertAndSend(ChatPush.CHANNEL, session(second)); // after the first: when it arrives, so has all of the first
            await().atMost(Duration.ofSeconds(10)).until(() -> two.data().stream().filter("new"::equals).count() == 2);

            assertThat(one.data().stream().filter("new"::equals)).as("told once, though named twice").hasSize(1);
            assertThat(three.data()).doesNotContain("new");
        }
    }

    private static String session(HttpClient browser) {
        return ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(ChatSession.COOKIE)).findFirst().orElseThrow().getValue();
    }

    @Test
    void the_same_client_message_sent_twice_is_stored_once() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        String body = "{\"clientMessageId\":\"retry-1\",\"text\":\"cho em hỏi tổ tiết kiệm họp khi nào\"}";

        HttpResponse<String> first = postJson(browser, "/chat/api/messages", body);
        HttpResponse<String> second = postJson(browser, "/chat/api/messages", body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).contains("\"duplicate\":true");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(browser, "/chat/api/messages").body().contains("\"from\":\"hotline\""));
        Thread.sleep(1_000);
        String thread = get(browser, "/chat/api/messages").body();
        assertThat(thread.split("\"from\":\"me\"", -1)).hasSize(2);
        assertThat(thread.split("\"from\":\"hotline\"", -1)).hasSize(2);
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_nothing_is_stored() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        long before = messages();

        assertError(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"x\",\"text\":"), 400, "malformed");
        assertError(postJson(browser, "/chat/api/messages", "[1,2,3]"), 400, "malformed");
        assertError(postJson(browser, "/chat/api/messages", "{\"text\":\"thiếu mã tin nhắn\"}"), 400, "missing");
        assertError(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"x\",\"text\":\"   \"}"), 400, "missing");
        // Nothing to read either: zero-width characters, a NUL, a lone surrogate, a blank filler (JSON escapes).
        for (String nothing : java.util.List.of("\\u200b\\u200b", "\\u200d \\ufeff\\u2060", "\\u0000", "\\ud800", "\\udc00 \\u0000", "\\u3164")) {
            assertError(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"x\",\"text\":\"" + nothing + "\"}"), 400, "missing");
        }
        assertError(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"x\",\"text\":42}"), 400, "malformed");
        assertError(postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"../../etc\",\"text\":\"a\"}"), 400, "missing");
        byte[] invalidUtf8 = "{\"clientMessageId\":\"u1\",\"text\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3; // a lead byte without its continuation
        HttpResponse<String> invalid = postJson(browser, "/chat/api/messages", invalidUtf8);
        assertError(invalid, 400, "malformed");
        assertThat(invalid.body()).contains("UTF-8 không hợp lệ");
        String tooLarge = "{\"clientMessageId\":\"big\",\"text\":\"" + "a".repeat(70_000) + "\"}";
        HttpResponse<String> large = postJson(browser, "/chat/api/messages", tooLarge);
        assertError(large, 413, "too-large");
        assertThat(large.body()).contains("Nội dung quá lớn.");
        String tooLong = "{\"clientMessageId\":\"long\",\"text\":\"" + "á".repeat(10_001) + "\"}";
        assertError(postJson(browser, "/chat/api/messages", tooLong), 400, "too-long");
        assertError(postJson(HttpClient.newHttpClient(), "/chat/api/messages", "{\"clientMessageId\":\"x\",\"text\":\"no cookie\"}"), 401, "unauthorized");

        assertThat(messages()).isEqualTo(before);
        assertThat(get(HttpClient.newHttpClient(), "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    /** A body of unknown length (chunked, as some phones' browsers send it) is held to the same limit. */
    @Test
    void a_chunked_body_is_taken_under_the_limit_and_refused_over_it() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");

        HttpResponse<String> small = postChunked(browser, "{\"clientMessageId\":\"chunked-1\",\"text\":\"chị ơi cho em hỏi tổ vay vốn\"}");
        HttpResponse<String> large = postChunked(browser, "{\"clientMessageId\":\"chunked-2\",\"text\":\"" + "a".repeat(70_000) + "\"}");

        assertThat(small.statusCode()).as(small.body()).isEqualTo(202);
        assertError(large, 413, "too-large");
        assertThat(jdbc.sql("select count(*) from message where inbound_key like '%:chunked-1'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from message where inbound_key like '%:chunked-2'").query(Long.class).single()).isZero();
    }

    private HttpResponse<String> postChunked(HttpClient client, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/chat/api/messages"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("no declared length").isNegative();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A flood is refused with 429, but only for the seconds it takes the limit to free one message (not the rest of a
     * minute), and the answer says how long: her page resends the refused message then, under the same id, and it is
     * stored once. The 21st message of a woman who wrote fast may be the one that says she is in danger.
     */
    @Test
    void a_session_sending_too_fast_is_told_when_to_send_again_and_the_resend_is_stored_once() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        int accepted = 0;
        int refused = -1;
        HttpResponse<String> last = null;
        // The limit is 30 a minute in the tests (hotline.webchat.per-session-per-minute): 30 at once, then one every 2 s.
        for (int i = 0; i < 70; i++) {
            last = postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"flood-" + i + "\",\"text\":\"tin nhắn " + i + "\"}");
            if (last.statusCode() != 202) {
                refused = i;
                break;
            }
            accepted++;
        }
        assertThat(accepted).isBetween(30, 60);
        assertError(last, 429, "rate-limited");
        assertThat(last.body()).contains("Quá nhiều tin nhắn");
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("seconds, not the rest of a minute").isBetween(1L, 2L);

        String urgent = "{\"clientMessageId\":\"flood-" + refused + "\",\"text\":\"chồng em đang cầm dao đuổi em\"}";
        Thread.sleep(Duration.ofSeconds(retryAfter));
        assertThat(postJson(browser, "/chat/api/messages", urgent).statusCode()).as("resent after Retry-After").isEqualTo(202);
        Thread.sleep(Duration.ofSeconds(2)); // the next message the limit frees, as a page that missed the answer would resend
        HttpResponse<String> again = postJson(browser, "/chat/api/messages", urgent);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(jdbc.sql("select count(*) from message where inbound_key like :k").param("k", "%:flood-" + refused)
                .query(Long.class).single()).isOne();
    }

    @Test
    void health_is_up_when_the_database_and_redis_answer() throws Exception {
        HttpResponse<String> health = get(HttpClient.newHttpClient(), "/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private long messages() {
        return jdbc.sql("select count(*) from message").query(Long.class).single();
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("\"error\":\"" + error + "\"");
    }
}
