package vn.kontum.hotline.channel.web;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.support.HeldReplies;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Her open chat page reads every line of her thread once, however late a line becomes visible after newer ones: a
 * reply held for her safe hours while she wrote on, replies delivered out of their order, a line committed late.
 */
class OpenChatPageTest extends HotlineIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Outbox outbox;
    @Autowired
    ContentCipher content;

    private HeldReplies replies;
    private HttpClient browser;
    private OpenPage page;
    private long contact;

    /** She opens the chat, writes, and her page shows the hotline's answer. */
    @BeforeEach
    void herPageIsOpen() throws Exception {
        replies = new HeldReplies(jdbc, outbox);
        browser = browser();
        get(browser, "/chat");
        page = new OpenPage();
        send("first", "chị ơi cho em hỏi về vay vốn của hội phụ nữ");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.read();
            return page.shown.size() >= 2;
        });
        String session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(ChatSession.COOKIE)).findFirst().orElseThrow().getValue();
        contact = replies.contact(session);
    }

    @Test
    void a_reply_held_for_her_safe_hours_reaches_the_open_page_though_she_wrote_on_meanwhile() throws Exception {
        String text = "Chị ơi, cán bộ hội sẽ gọi lại vào giờ chị hẹn nhé";
        long held = replies.hold(contact, text);
        page.read();

        send("after-held", "em cảm ơn chị");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.read();
            return page.shown.containsValue("em cảm ơn chị");
        });
        assertThat(page.shown.lastKey()).as("she wrote after the reply").isGreaterThan(held);
        awaitAnswered();
        settle(); // hours, until her safe hours come
        page.read();

        replies.release(List.of(held));
        page.read(); // as the page does when told

        assertThat(page.shown).containsEntry(held, text);
        awaitAnswered();
        page.read();
        assertThat(page.read()).as("nothing new, nothing sent").isEmpty();
    }

    /** Two delivery workers: the newer replies claimed first, the older ones a moment later. */
    @Test
    void replies_delivered_out_of_their_order_each_reach_the_open_page_once() throws Exception {
        List<Long> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(replies.hold(contact, "Trả lời số " + i));
        }
        awaitAnswered();
        settle();

        replies.release(twelve.subList(6, 12));
        page.read();
        assertThat(page.shown.keySet()).containsAll(twelve.subList(6, 12));
        settle();
        page.read();
        replies.release(twelve.subList(0, 6));
        page.read();

        assertThat(page.shown.keySet()).containsAll(twelve);
        awaitAnswered();
        page.read();
        assertThat(page.read()).as("nothing new, nothing sent").isEmpty();
    }

    /**
     * An answer whose id was taken before her next message's, but committed after the page had shown that message
     * (two transactions, the older one slower). Here the answer's row is written once its id is taken out again.
     */
    @Test
    void a_line_committed_after_a_newer_one_was_shown_reaches_the_open_page() throws Exception {
        OffsetDateTime written = OffsetDateTime.now(ZoneOffset.UTC);
        long late = outbox.queue(Channel.WEB, contact, null, "-", null, null, written);
        jdbc.sql("delete from message where id = :id").param("id", late).update();

        send("before-commit", "em hỏi thêm một chút");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.read();
            return page.shown.containsValue("em hỏi thêm một chút");
        });
        assertThat(page.shown.lastKey()).isGreaterThan(late);

        jdbc.sql("""
                        insert into message (id, direction, channel, contact_id, body, state, attempts, created_at, enqueued_at, sent_at)
                        values (:id, 'OUT', 'web', :contact, :body, 'SENT', 1, :at, :at, :at)""")
                .param("id", late).param("contact", contact).param("body", content.seal("Chúng tôi đã nhận được tin nhắn của bạn"))
                .param("at", written).update();
        page.read();

        assertThat(page.shown).containsEntry(late, "Chúng tôi đã nhận được tin nhắn của bạn");
    }

    /** The page reads little: a read with nothing new is an empty list, however many lines she has. */
    @Test
    void a_read_with_nothing_new_sends_no_line_again() throws Exception {
        for (long i : LongStream.rangeClosed(1, 5).toArray()) {
            send("more-" + i, "em nhắn thêm " + i);
        }
        awaitAnswered();
        page.read();
        assertThat(page.shown).containsValue("em nhắn thêm 5");
        assertThat(page.read()).isEmpty();
    }

    /**
     * The cursor is cheap: it passes the lines once they have settled (nothing is pending and they are older than a
     * late commit could be), so that the page names none of them again, and it stops just below a reply held back.
     */
    @Test
    void the_cursor_passes_settled_lines_and_stops_below_a_reply_held_back() throws Exception {
        awaitAnswered();
        page.read();
        settle();
        page.read();
        assertThat(page.after).isEqualTo(page.shown.lastKey());

        long held = replies.hold(contact, "Chị ơi, cán bộ hội sẽ gọi lại vào giờ chị hẹn nhé");
        send("after-held", "em cảm ơn chị");
        awaitAnswered();
        page.read();
        settle();
        page.read();
        assertThat(page.shown.lastKey()).isGreaterThan(held);
        assertThat(page.after).isEqualTo(held - 1);

        replies.release(List.of(held));
        page.read();
        settle();
        page.read();
        assertThat(page.after).isEqualTo(page.shown.lastKey());
    }

    /** Hours pass for her thread: every line of it is older than a late commit could be ({@code ChatThreads.SETTLING}). */
    private void settle() {
        jdbc.sql("update message set created_at = :before where contact_id = :c")
                .param("before", OffsetDateTime.now(ZoneOffset.UTC).minusHours(6)).param("c", contact).update();
    }

    /** Once the hotline has answered everything she wrote: nothing more is on its way to her page. */
    private void awaitAnswered() {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                        select count(*) from message where contact_id = :c and direction = 'IN' and processed_at is null""")
                .param("c", contact).query(Long.class).single() == 0);
    }

    private void send(String clientId, String text) throws Exception {
        HttpResponse<String> sent = postJson(browser, "/chat/api/messages",
                "{\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + text + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    }

    /**
     * Her open page, reading as chat.js does: from the cursor its last read gave, naming the lines it shows above it;
     * each line it is sent is a line it did not have. Given no cursor, it reads on from the newest line it shows.
     */
    private final class OpenPage {
        final TreeMap<Long, String> shown = new TreeMap<>();
        long after;

        List<Long> read() throws Exception {
            String have = shown.keySet().stream().filter(id -> id > after).map(String::valueOf).collect(Collectors.joining(","));
            HttpResponse<String> thread = get(browser, "/chat/api/messages?after=" + after + (have.isEmpty() ? "" : "&have=" + have));
            assertThat(thread.statusCode()).isEqualTo(200);
            List<Long> read = new ArrayList<>();
            for (JsonNode line : JSON.readTree(thread.body())) {
                long id = line.path("id").asLong();
                assertThat(shown).as("line %d sent again", id).doesNotContainKey(id);
                shown.put(id, line.path("text").asString());
                read.add(id);
            }
            after = thread.headers().firstValue("Chat-Cursor").map(Long::parseLong).orElse(shown.isEmpty() ? 0 : shown.lastKey());
            return read;
        }
    }
}
