package vn.kontum.hotline.intake;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.queue.WorkQueue;

/**
 * Where every channel hands in a message. Stores it in the database (once, whatever the redeliveries), then
 * puts it on the work queue. The database is the promise: if the queue is unreachable, the sweeper puts the
 * message on the queue later.
 */
@Service
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Contacts contacts;
    private final WorkQueue queue;
    private final Clock clock;

    MessageIntake(JdbcClient jdbc, TransactionTemplate tx, Contacts contacts, WorkQueue queue, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.contacts = contacts;
        this.queue = queue;
        this.clock = clock;
    }

    public Acceptance accept(InboundMessage message) {
        long started = System.nanoTime();
        OffsetDateTime now = HotlineClock.now(clock);
        Acceptance acceptance = tx.execute(status -> store(message, now));
        if (!acceptance.duplicate()) {
            try {
                queue.publish(WorkQueue.INBOUND, acceptance.messageId());
            } catch (RuntimeException e) {
                log.warn("message {} stored but not queued ({}); the sweeper will queue it", acceptance.messageId(), e.getClass().getSimpleName());
            }
        }
        log.debug("accepted message {} channel={} duplicate={} in {} us", acceptance.messageId(), message.channel().id(),
                acceptance.duplicate(), (System.nanoTime() - started) / 1000);
        return acceptance;
    }

    private Acceptance store(InboundMessage message, OffsetDateTime now) {
        long contactId = contacts.idFor(message.channel(), message.channelUserId(), message.displayName(), now);
        int inserted = jdbc.sql("""
                        insert into message (direction, channel, inbound_key, channel_message_id, contact_id, body,
                                             attachment_type, attachment_ref, state, created_at, enqueued_at)
                        values ('IN', :channel, :key, :channelMessageId, :contact, :body, :attachmentType, :attachmentRef,
                                'ACCEPTED', :now, :now)
                        on conflict do nothing""")
                .param("channel", message.channel().id())
                .param("key", message.inboundKey())
                .param("channelMessageId", message.channelMessageId())
                .param("contact", contactId)
                .param("body", message.text())
                .param("attachmentType", message.attachmentType())
                .param("attachmentRef", message.attachmentRef())
                .param("now", now)
                .update();
        long id = jdbc.sql("select id from message where inbound_key = :key").param("key", message.inboundKey())
                .query(Long.class).single();
        return new Acceptance(id, inserted == 0);
    }
}
