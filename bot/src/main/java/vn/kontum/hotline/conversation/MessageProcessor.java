package vn.kontum.hotline.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Cases;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.queue.WorkHandler;

/**
 * The way of an accepted message: understood, put in a case routed to a service point, answered. All of it in
 * one transaction guarded by the message's state, so a message taken twice (a redelivery, a worker that died
 * after the commit) is answered once.
 */
@Component
public class MessageProcessor implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageClassifier classifier;
    private final Contacts contacts;
    private final Cases cases;
    private final ReplyComposer replies;
    private final Outbox outbox;
    private final Clock clock;

    MessageProcessor(JdbcClient jdbc, TransactionTemplate tx, MessageClassifier classifier, Contacts contacts, Cases cases,
                     ReplyComposer replies, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.classifier = classifier;
        this.contacts = contacts;
        this.cases = cases;
        this.replies = replies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A batch in one transaction (one commit); if it fails, each message on its own. */
    @Override
    public void handleAll(List<Long> messageIds) {
        if (messageIds.size() == 1) {
            handle(messageIds.getFirst());
            return;
        }
        List<Long> queued;
        try {
            queued = tx.execute(status -> messageIds.stream().flatMap(id -> process(id).stream()).toList());
        } catch (RuntimeException e) {
            log.warn("batch of {} messages failed ({}); processing them one by one", messageIds.size(), e.getClass().getSimpleName());
            messageIds.forEach(this::handle);
            return;
        }
        outbox.dispatch(queued);
    }

    @Override
    public void handle(long messageId) {
        long started = System.nanoTime();
        List<Long> queued = tx.execute(status -> process(messageId));
        if (queued != null && !queued.isEmpty()) {
            outbox.dispatch(queued);
        }
        log.debug("message {} processed in {} us", messageId, (System.nanoTime() - started) / 1000);
    }

    private List<Long> process(long messageId) {
        OffsetDateTime now = HotlineClock.now(clock);
        // Claim the message with a row lock rather than a write: a message taken twice is processed once.
        Optional<Inbound> inbound = jdbc.sql("""
                        select body, created_at, contact_id from message
                        where id = :id and state = 'ACCEPTED' for update""")
                .param("id", messageId)
                .query((rs, n) -> new Inbound(rs.getLong("contact_id"), rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
        if (inbound.isEmpty()) {
            return List.of();
        }
        Contact contact = contacts.find(inbound.get().contactId()).orElseThrow();
        String body = inbound.get().body();
        Classification classification = classifier.classify(body == null ? "" : body);
        CaseRef caseRef = cases.caseFor(contact, classification, now);
        jdbc.sql("""
                        update message set state = 'PROCESSED', processed_at = :now, category = :category,
                               confidence = :confidence, urgent = :urgent, model_version = :version, case_id = :case
                        where id = :id""")
                .param("now", now)
                .param("category", classification.label()).param("confidence", classification.confidence())
                .param("urgent", classification.urgent()).param("version", classification.modelVersion())
                .param("case", caseRef.id()).param("id", messageId).update();
        String reply = replies.reply(classification, caseRef, ReplyComposer.VIETNAMESE);
        List<Long> ids = List.of(outbox.queue(contact.channel(), contact.id(), caseRef.id(), reply, messageId, null, now));
        log.info("message {} case={} category={} urgent={} confidence={} servicePoint={} opened={} replyQueuedAfterMs={}", messageId,
                caseRef.id(), classification.label(), classification.urgent(), String.format("%.2f", classification.confidence()),
                caseRef.servicePoint().id(), caseRef.opened(), Duration.between(inbound.get().createdAt(), now).toMillis());
        return ids;
    }

    private record Inbound(long contactId, String body, OffsetDateTime createdAt) {
    }
}
