package vn.kontum.hotline.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.queue.WorkHandler;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.understanding.RecentClassifications;

/**
 * The way of an accepted message: understood, put in a case routed to a service point, answered. All of it in
 * one transaction guarded by the message's state, so a message taken twice (a redelivery, a worker that died
 * after the commit) is answered once. What to answer is the {@link Conversation}'s business.
 */
@Component
public class MessageProcessor implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);
    private static final String ACCEPTED = "ACCEPTED";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Conversation conversation;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean lockOnlyMessage;
    private final ContentCipher content;
    private final HotlineMetrics metrics;
    private final ApplicationEventPublisher events;
    private final RecentClassifications understood;

    MessageProcessor(JdbcClient jdbc, TransactionTemplate tx, Conversation conversation, Outbox outbox, Clock clock, SqlDialect dialect,
                     ContentCipher content, HotlineMetrics metrics, ApplicationEventPublisher events, RecentClassifications understood) {
        this.understood = understood;
        this.metrics = metrics;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.conversation = conversation;
        this.outbox = outbox;
        this.clock = clock;
        this.lockOnlyMessage = dialect == SqlDialect.POSTGRESQL;
        this.content = content;
    }

    /** A batch in one transaction (one commit); if it fails, each message on its own. */
    @Override
    public void handleAll(List<Long> messageIds) {
        if (messageIds.size() == 1) {
            handle(messageIds.getFirst());
            return;
        }
        List<Outbox.Answer> queued;
        try {
            queued = tx.execute(status -> claim(messageIds).stream().flatMap(inbound -> process(inbound).stream()).toList());
        } catch (RuntimeException e) {
            log.warn("batch of {} messages failed ({}); processing them one by one", messageIds.size(), e.getClass().getSimpleName());
            messageIds.forEach(this::handle);
            return;
        }
        dispatch(queued);
    }

    private void dispatch(@Nullable List<Outbox.Answer> answers) {
        if (answers != null && !answers.isEmpty()) {
            outbox.dispatchAnswers(answers);
        }
    }

    @Override
    public void handle(long messageId) {
        long started = System.nanoTime();
        dispatch(tx.execute(status -> claim(List.of(messageId)).stream().flatMap(inbound -> process(inbound).stream()).toList()));
        log.debug("message {} processed in {} us", messageId, (System.nanoTime() - started) / 1000);
    }

    private List<Outbox.Answer> process(Inbound inbound) {
        OffsetDateTime now = HotlineClock.now(clock);
        long messageId = inbound.id();
        Contact contact = inbound.contact();
        String body = inbound.body();
        Turn turn = conversation.respond(contact, body == null ? "" : body, understood.take(messageId).orElse(null), now);
        jdbc.sql("""
                        update message set state = 'PROCESSED', processed_at = :now, category = :category,
                               confidence = :confidence, urgent = :urgent, model_version = :version, case_id = :case
                        where id = :id""")
                .param("now", now)
                .param("category", turn.category()).param("confidence", turn.confidence())
                .param("urgent", turn.urgent()).param("version", turn.modelVersion())
                .param("case", turn.caseId()).param("id", messageId).update();
        metrics.understood(turn.category(), turn.urgent(), Duration.between(inbound.createdAt(), now));
        if (turn.caseId() != null && turn.servicePointId() != null) {
            events.publishEvent(new MessageFiled(messageId, turn.caseId(), turn.servicePointId(), turn.opened()));
        }
        Reply reply = turn.reply();
        Outbox.Answer answer = outbox.answer(contact, turn.caseId(), turn.servicePointId(), reply.text(), reply.choices(), reply.urgent(),
                messageId, inbound.createdAt(), now);
        log.info("message {} case={} step={} category={} urgent={} confidence={} servicePoint={} opened={} replyQueuedAfterMs={}",
                messageId, turn.caseId(), turn.step(), turn.category(), turn.urgent(),
                turn.confidence() == null ? "-" : hundredths(turn.confidence()), turn.servicePointId(), turn.opened(),
                Duration.between(inbound.createdAt(), now).toMillis());
        return List.of(answer);
    }

    /**
     * Claims the messages still waiting with a row lock rather than a write, all in one statement (H2 parses a
     * locking query anew each time, so one per batch rather than one per message): a message taken twice is
     * processed once. The state is checked here rather than in the query, so that no database can prefer its index
     * of states to the ids (H2 did, on a new database before its first statistics: every claim read the backlog).
     * On PostgreSQL the contacts come in the same statement ("for update of m" locks the messages only); H2 would
     * lock the contacts' rows too, holding up the intake of their next messages, so there they are read apart.
     * <p>
     * Returned in the order of their women (then of their messages): every batch, in either lane and on any node,
     * then takes the rows of a woman's case in the same order, so two batches that share women wait for each other
     * instead of deadlocking (PostgreSQL then aborts one after a second, and an urgent message paid for it).
     */
    private List<Inbound> claim(List<Long> messageIds) {
        List<Inbound> claimed;
        if (lockOnlyMessage) {
            record Locked(String state, Inbound inbound) {
            }
            claimed = jdbc.sql("""
                            select m.id, m.state, m.body, m.created_at, c.id as contact_id, c.channel, c.channel_user_id, c.village_id, c.commune_id
                            from message m join contact c on c.id = m.contact_id
                            where m.id in (:ids) for update of m""")
                    .param("ids", messageIds)
                    .query((rs, n) -> new Locked(rs.getString("state"), new Inbound(rs.getLong("id"), new Contact(rs.getLong("contact_id"),
                            Channel.of(rs.getString("channel")), rs.getString("channel_user_id"), rs.getString("village_id"), rs.getString("commune_id")),
                            content.open(rs.getString("body")), rs.getObject("created_at", OffsetDateTime.class))))
                    .list().stream().filter(row -> ACCEPTED.equals(row.state())).map(Locked::inbound).toList();
        } else {
            record Row(long id, String state, String body, OffsetDateTime createdAt, long contactId) {
            }
            List<Row> rows = jdbc.sql("select id, state, body, created_at, contact_id from message where id in (:ids) for update")
                    .param("ids", messageIds)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("state"), rs.getString("body"),
                            rs.getObject("created_at", OffsetDateTime.class), rs.getLong("contact_id")))
                    .list().stream().filter(row -> ACCEPTED.equals(row.state())).toList();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, Contact> contacts = new HashMap<>();
            jdbc.sql("select id, channel, channel_user_id, village_id, commune_id from contact where id in (:ids)")
                    .param("ids", rows.stream().map(Row::contactId).distinct().toList())
                    .query((rs, n) -> new Contact(rs.getLong("id"), Channel.of(rs.getString("channel")), rs.getString("channel_user_id"),
                            rs.getString("village_id"), rs.getString("commune_id")))
                    .list().forEach(c -> contacts.put(c.id(), c));
            claimed = rows.stream().map(r -> new Inbound(r.id(), contacts.get(r.contactId()), content.open(r.body()), r.createdAt())).toList();
        }
        return claimed.stream().sorted(Comparator.<Inbound>comparingLong(i -> i.contact().id()).thenComparingLong(Inbound::id)).toList();
    }

    /** 0.93 for 0.9271: as "%.2f" would write it, without String.format's cost on every message. */
    static String hundredths(double value) {
        long n = Math.round(value * 100);
        return n / 100 + "." + (n % 100 < 10 ? "0" : "") + n % 100;
    }

    private record Inbound(long id, Contact contact, @Nullable String body, OffsetDateTime createdAt) {
    }
}
