package vn.kontum.hotline.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.queue.WorkQueue;
import vn.kontum.hotline.secrets.ContentCipher;

/** Replies waiting to be delivered: written in the same transaction as the decision to send them. */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final WorkQueue queue;
    private final ContentCipher content;

    Outbox(JdbcClient jdbc, WorkQueue queue, ContentCipher content) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.content = content;
    }

    /**
     * Stores a reply as QUEUED; {@code replyTo} is the inbound message it answers (null for an officer's reply). Call inside a transaction; then {@link #dispatch} its id after the commit.
     */
    public long queue(Channel channel, long contactId, @Nullable Long caseId, String text, @Nullable Long replyTo,
                      @Nullable Long authorAccountId, OffsetDateTime now) {
        return queue(channel, contactId, caseId, text, List.of(), false, replyTo, authorAccountId, now);
    }

    /**
     * As above, with buttons under the reply; an {@code urgent} reply (the emergency answer) is never held back by
     * the contact's safe hours.
     */
    public long queue(Channel channel, long contactId, @Nullable Long caseId, String text, List<Choice> choices, boolean urgent,
                      @Nullable Long replyTo, @Nullable Long authorAccountId, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (direction, channel, contact_id, case_id, body, choices, urgent, state, created_at,
                                             enqueued_at, author_account_id, reply_to)
                        values ('OUT', :channel, :contact, :case, :body, :choices, :urgent, 'QUEUED', :now, :now, :author, :replyTo)""")
                .param("channel", channel.id()).param("contact", contactId).param("case", caseId).param("body", content.seal(text))
                .param("choices", Choice.store(choices)).param("urgent", urgent)
                .param("now", now).param("author", authorAccountId).param("replyTo", replyTo)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    /** Hands committed emergency answers to the urgent lane's delivery workers. */
    public void dispatchUrgent(List<Long> ids) {
        try {
            queue.publishAll(WorkQueue.URGENT_OUTBOUND, ids);
        } catch (RuntimeException e) {
            log.warn("{} urgent replies stored but not queued ({}); the sweeper will queue them", ids.size(), e.getClass().getSimpleName());
        }
    }

    /** Hands committed replies to the delivery workers; if Redis is away, the sweeper does it later. */
    public void dispatch(List<Long> ids) {
        try {
            queue.publishAll(WorkQueue.OUTBOUND, ids);
        } catch (RuntimeException e) {
            log.warn("{} replies stored but not queued ({}); the sweeper will queue them", ids.size(), e.getClass().getSimpleName());
        }
    }
}
