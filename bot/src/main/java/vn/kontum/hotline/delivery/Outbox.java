package vn.kontum.hotline.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.queue.WorkQueue;
import vn.kontum.hotline.secrets.ContentCipher;

/**
 * Replies waiting to be delivered, and web chat answers delivered by being stored: written in the same transaction as
 * the decision to send them.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final WorkQueue queue;
    private final ContentCipher content;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final HotlineMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(JdbcClient jdbc, WorkQueue queue, ContentCipher content, List<ChannelSender> senders, HotlineMetrics metrics,
           ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.content = content;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The bot's answer to her message ({@code replyTo}, which arrived at {@code askedAt}), in her case if she has one.
     * On a channel whose replies are delivered by being stored (the web chat, whose page reads them from the
     * database) it is written down as SENT at once: no claim, no second commit, no wait in a delivery lane. Unless
     * she set safe hours, the answer is not urgent and comes late (after a backlog: see
     * {@link SafeHours#WHILE_SHE_WRITES}): then it waits in the lane like any other reply, to be held until her
     * hours. Call inside a transaction; then {@link #dispatchAnswers} after the commit.
     */
    public Answer answer(Contact contact, @Nullable Long caseId, @Nullable String servicePointId, String text, List<Choice> choices,
                         boolean urgent, long replyTo, OffsetDateTime askedAt, OffsetDateTime now) {
        ChannelSender sender = senders.get(contact.channel());
        if (sender != null && sender.deliveredByStoring()) {
            KeyHolder keys = new GeneratedKeyHolder();
            int stored = jdbc.sql("""
                            insert into message (direction, channel, contact_id, case_id, body, choices, urgent, state, attempts,
                                                 created_at, enqueued_at, sent_at, reply_to)
                            select 'OUT', :channel, c.id, :case, :body, :choices, :urgent, 'SENT', 1, :now, :now, :now, :replyTo
                            from contact c where c.id = :contact and (:urgent or :whileSheWrites or c.safe_from_hour is null)""")
                    .param("channel", contact.channel().id()).param("contact", contact.id()).param("case", caseId)
                    .param("body", content.seal(text)).param("choices", Choice.store(choices)).param("urgent", urgent)
                    .param("whileSheWrites", SafeHours.answersHerNow(askedAt, now))
                    .param("now", now).param("replyTo", replyTo)
                    .update(keys, "id");
            if (stored == 1) {
                OutboundMessage sent = new OutboundMessage(Objects.requireNonNull(keys.getKeyAs(Long.class)), contact.channel(),
                        contact.id(), contact.channelUserId(), text, choices, urgent);
                return new Answer(sent.id(), urgent, sent, caseId, servicePointId, askedAt);
            }
        }
        long id = queue(contact.channel(), contact.id(), caseId, text, choices, urgent, replyTo, null, now);
        return new Answer(id, urgent, null, caseId, servicePointId, askedAt);
    }

    /**
     * An answer written down: {@code delivered} holds the reply when storing it was its delivery, null when it waits
     * for the delivery lane.
     */
    public record Answer(long id, boolean urgent, @Nullable OutboundMessage delivered, @Nullable Long caseId,
                         @Nullable String servicePointId, OffsetDateTime askedAt) {
    }

    /**
     * After the answers' commit: tells the pages of those already delivered (and the officers watching their cases),
     * and hands the others to the delivery lanes, emergency answers to the urgent one.
     */
    public void dispatchAnswers(List<Answer> answers) {
        List<Long> urgent = new ArrayList<>();
        List<Long> ordinary = new ArrayList<>();
        for (Answer a : answers) {
            if (a.delivered() == null) {
                (a.urgent() ? urgent : ordinary).add(a.id());
            } else {
                announce(a, a.delivered());
            }
        }
        if (!urgent.isEmpty()) {
            dispatchUrgent(urgent);
        }
        if (!ordinary.isEmpty()) {
            dispatch(ordinary);
        }
    }

    private void announce(Answer answer, OutboundMessage reply) {
        try {
            senders.get(reply.channel()).send(reply);
        } catch (RuntimeException e) {
            // Stored, so delivered: the page also polls, and a lost announcement only delays it.
        }
        metrics.delivery(reply.channel().id(), "sent");
        if (answer.urgent()) {
            EmergencyAnswerTimer.left(metrics, reply.id(), answer.askedAt(), clock);
        }
        if (answer.caseId() != null && answer.servicePointId() != null) {
            events.publishEvent(new ReplyStateChanged(reply.id(), answer.caseId(), answer.servicePointId()));
        }
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
