package vn.kontum.hotline.support;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.Outbox;

import static org.awaitility.Awaitility.await;

/**
 * Officers' replies to a woman on the web chat, held back as the delivery worker holds one outside her safe hours
 * (queued, not to be sent before a time hours away), then let go in the order a test chooses.
 */
public final class HeldReplies {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public HeldReplies(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** The contact of the web chat session {@code session}. */
    public long contact(String session) {
        return jdbc.sql("select id from contact where channel = 'web' and channel_user_id = :s").param("s", session)
                .query(Long.class).single();
    }

    /** An officer's reply to her, in her case if she has one, held; its id. */
    public long hold(long contact, String text) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Long caseId = jdbc.sql("select max(case_id) from message where contact_id = :c").param("c", contact).query(Long.class).optional()
                .orElse(null);
        long id = outbox.queue(Channel.WEB, contact, caseId, text, null, null, now);
        jdbc.sql("update message set next_attempt_at = :later where id = :id").param("later", now.plusHours(6)).param("id", id).update();
        return id;
    }

    /** Her safe hours have come for these replies: the delivery worker sends them. Returns once they are SENT. */
    public void release(List<Long> ids) {
        jdbc.sql("update message set next_attempt_at = null where id in (:ids)").param("ids", ids).update();
        outbox.dispatch(ids);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from message where id in (:ids) and state = 'SENT'")
                .param("ids", ids).query(Long.class).single() == ids.size());
    }
}
