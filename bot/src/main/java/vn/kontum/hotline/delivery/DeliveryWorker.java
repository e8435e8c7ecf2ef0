package vn.kontum.hotline.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.queue.WorkHandler;

/**
 * Delivers queued replies. Claims each (QUEUED -> SENDING) so that no other worker sends it too, sends it
 * through its channel (in parts when it is longer than the channel takes), then records SENT, a retry with
 * backoff, or FAILED with the reason. DELIVERED and SEEN are recorded later, from the platform's reports.
 */
@Component
public class DeliveryWorker implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final ContentCipher content;
    private final HotlineMetrics metrics;
    private final int maxAttempts;
    private final Duration keepTrying;
    private final ApplicationEventPublisher events;

    DeliveryWorker(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate tx, List<ChannelSender> senders, Clock clock, ContentCipher content, HotlineMetrics metrics,
                   @Value("${hotline.delivery.max-attempts:8}") int maxAttempts, ApplicationEventPublisher events,
                   @Value("${hotline.queue.sending-timeout:PT2M}") Duration sendingTimeout) {
        this.events = events;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.clock = clock;
        this.content = content;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        // Well before the sweeper takes a reply still SENDING for one that was never sent, and sends it again.
        this.keepTrying = sendingTimeout.dividedBy(2);
    }

    @Override
    public void handle(long id) {
        handleAll(List.of(id));
    }

    /**
     * A batch: claimed in one transaction, read in one query, sent in order, and the outcomes whose repetition
     * would be harmless (a web chat announcement) recorded together in one transaction at the end. A reply that
     * reached a platform is recorded at once, before the next one is sent: a crash must not send it twice.
     */
    @Override
    public void handleAll(List<Long> ids) {
        OffsetDateTime now = HotlineClock.now(clock);
        List<Long> claimed = claim(ids, now);
        if (claimed.isEmpty()) {
            return; // already sent, being sent elsewhere, or not due yet
        }
        List<Outcome> deferred = new ArrayList<>();
        List<ReplyStateChanged> deferredNews = new ArrayList<>();
        // From here on the replies are ours (SENDING): each step waits out a database outage, see despiteOutage.
        for (Pending pending : despiteOutage(() -> load(claimed))) {
            Outcome outcome = deliver(pending, now);
            if (outcome.canWait()) {
                deferred.add(outcome);
                news(pending, outcome).ifPresent(deferredNews::add);
            } else {
                despiteOutage(() -> record(outcome));
                news(pending, outcome).ifPresent(events::publishEvent);
            }
        }
        if (deferred.size() == 1) {
            despiteOutage(() -> record(deferred.getFirst()));
        } else if (!deferred.isEmpty()) {
            despiteOutage(() -> tx.executeWithoutResult(status -> deferred.forEach(this::record)));
        }
        deferredNews.forEach(events::publishEvent);
    }

    /**
     * Tells whoever shows the case's thread (the officers' pages, live) that a reply's state changed; a reply held
     * back is still waiting, as it was shown.
     */
    private static Optional<ReplyStateChanged> news(Pending pending, Outcome outcome) {
        if (pending.caseId() == null || pending.servicePointId() == null || outcome instanceof Outcome.Hold) {
            return Optional.empty();
        }
        return Optional.of(new ReplyStateChanged(outcome.id(), pending.caseId(), pending.servicePointId()));
    }

    private List<Long> claim(List<Long> ids, OffsetDateTime now) {
        try {
            return claim(ids, now, false);
        } catch (DataAccessResourceFailureException | TransactionException lost) {
            // The connection went during the claim, which the database may have taken: tried again once it is back.
            return despiteOutage(() -> claim(ids, now, true));
        }
    }

    /**
     * QUEUED -> SENDING for those due: the ones this worker may send, marked with the claim's own time;
     * {@code again} after a connection lost during a first try: a row SENDING with that very time was claimed by it.
     */
    private List<Long> claim(List<Long> ids, OffsetDateTime now, boolean again) {
        String sql = """
                update message set state = 'SENDING', enqueued_at = ?,
                       attempts = case when state = 'SENDING' then attempts else attempts + 1 end
                where id = ? and direction = 'OUT'
                  and ((state = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= ?))
                       or (? and state = 'SENDING' and enqueued_at = ?))""";
        if (ids.size() == 1) {
            return jdbcTemplate.update(sql, now, ids.getFirst(), now, again, now) == 1 ? ids : List.of();
        }
        int[] counts = Objects.requireNonNull(tx.execute(status -> jdbcTemplate.batchUpdate(sql, ids, ids.size(), (ps, id) -> {
            ps.setObject(1, now);
            ps.setLong(2, id);
            ps.setObject(3, now);
            ps.setBoolean(4, again);
            ps.setObject(5, now);
        })[0]));
        List<Long> claimed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] != 0) { // 1, or SUCCESS_NO_INFO where a driver does not count
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    private List<Pending> load(List<Long> ids) {
        List<Pending> found = jdbc.sql("""
                        select m.id, m.channel, m.contact_id, m.case_id, hc.service_point_id, m.body, m.choices, m.urgent, m.attempts, c.channel_user_id,
                               c.safe_from_hour, c.safe_to_hour, i.created_at as asked_at,
                               (select count(*) from message_part p where p.message_id = m.id) as parts_sent
                        from message m join contact c on c.id = m.contact_id left join message i on i.id = m.reply_to
                             left join help_case hc on hc.id = m.case_id
                        where m.id in (:ids) and m.state = 'SENDING'""")
                .param("ids", ids)
                .query((rs, n) -> new Pending(new OutboundMessage(rs.getLong("id"), Channel.of(rs.getString("channel")),
                        rs.getLong("contact_id"), rs.getString("channel_user_id"), content.open(rs.getString("body")), Choice.read(rs.getString("choices")),
                        rs.getBoolean("urgent")),
                        rs.getInt("attempts"), rs.getBoolean("urgent"), safeHours(rs), rs.getObject("asked_at", OffsetDateTime.class),
                        (Long) rs.getObject("case_id", Long.class), rs.getString("service_point_id"), rs.getInt("parts_sent")))
                .list();
        // In the order they were queued: a contact's replies arrive in the order they were written.
        return found.stream().sorted(java.util.Comparator.comparingLong(p -> p.message().id())).toList();
    }

    private Outcome deliver(Pending pending, OffsetDateTime now) {
        OutboundMessage message = pending.message();
        if (message.text() == null) {
            return new Outcome.Fail(message.id(), "content erased before delivery");
        }
        SafeHours safe = pending.safeHours();
        if (safe != null && !pending.urgent() && !safe.allowsReply(pending.askedAt(), now)) {
            log.info("reply {} held until the contact's safe hours ({})", message.id(), safe.nextAllowed(now));
            return new Outcome.Hold(message.id(), safe.nextAllowed(now));
        }
        ChannelSender sender = senders.get(message.channel());
        long started = System.nanoTime();
        List<String> parts = sender == null ? List.of() : TextParts.split(message.text(), sender.maxLength());
        SendResult result = sender == null ? new SendResult.Failed("channel " + message.channel().id() + " is not configured")
                : sendParts(sender, pending, parts);
        boolean sent = result instanceof SendResult.Sent;
        metrics.delivery(message.channel().id(), switch (result) {
            case SendResult.Sent s -> "sent";
            case SendResult.Retry r -> "retry";
            case SendResult.NotYet n -> "later";
            case SendResult.Failed f -> "failed";
        });
        if (sent && pending.urgent() && pending.askedAt() != null) {
            EmergencyAnswerTimer.left(metrics, message.id(), pending.askedAt(), clock);
        }
        (sent ? log.atDebug() : log.atInfo()).log("reply {} channel={} attempt={} result={} in {} ms", message.id(), message.channel().id(),
                pending.attempts(), result.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
        boolean harmlessToRepeat = sender != null && sender.repeatIsHarmless();
        return switch (result) {
            case SendResult.Sent s -> new Outcome.Sent(message.id(), s.channelMessageId(), HotlineClock.now(clock), harmlessToRepeat,
                    lastPart(sender, pending, parts.size(), s));
            case SendResult.Retry r when pending.attempts() < maxAttempts ->
                    new Outcome.Retry(message.id(), HotlineClock.now(clock).plus(r.after() != null ? r.after() : backoff(pending.attempts())), r.reason());
            case SendResult.Retry r -> new Outcome.Fail(message.id(), "gave up after " + pending.attempts() + " attempts: " + r.reason());
            case SendResult.Failed f -> new Outcome.Fail(message.id(), f.reason());
            case SendResult.NotYet n -> new Outcome.Hold(message.id(), HotlineClock.now(clock).plus(n.after()));
        };
    }

    /**
     * Sends the parts not sent yet, in order, recording each but the last as it goes: a retry after a failure
     * half-way sends only the rest. The last part is written down with the reply's new state, in one transaction
     * (see {@link #lastPart}). The result is the first failure, or the last part's Sent.
     */
    private SendResult sendParts(ChannelSender sender, Pending pending, List<String> parts) {
        OutboundMessage message = pending.message();
        if (parts.size() == 1 && !sender.reportsDelivery()) {
            return sendSafely(sender, message); // nothing to resume and nothing to match reports to: no bookkeeping
        }
        SendResult result = new SendResult.Sent(null);
        for (int part = pending.partsSent(); part < parts.size(); part++) {
            boolean last = part == parts.size() - 1;
            // Buttons go under the last part, where the question is.
            result = sendSafely(sender, new OutboundMessage(message.id(), message.channel(), message.contactId(),
                    message.channelUserId(), parts.get(part), last ? message.choices() : List.of(), message.urgent()));
            if (!(result instanceof SendResult.Sent sent)) {
                return result;
            }
            if (!last) {
                SentPart done = new SentPart(message.id(), part, message.channel(), sent.channelMessageId());
                despiteOutage(() -> insert(done));
            }
        }
        return result;
    }

    /** One part that reached the platform, as its delivery reports will name it. */
    private record SentPart(long messageId, int partNo, Channel channel, @Nullable String channelMessageId) {
    }

    /**
     * The part just sent that completes a reply, for a platform that reports delivery by message id: recorded
     * together with SENT (one commit instead of two), so that a crash leaves either both or neither.
     */
    private @Nullable SentPart lastPart(@Nullable ChannelSender sender, Pending pending, int parts, SendResult.Sent sent) {
        boolean bookkept = sender != null && (parts > 1 || sender.reportsDelivery());
        if (!bookkept || pending.partsSent() >= parts) {
            return null; // no bookkeeping, or every part was recorded before (nothing was sent now)
        }
        OutboundMessage message = pending.message();
        return new SentPart(message.id(), parts - 1, message.channel(), sent.channelMessageId());
    }

    private void insert(SentPart part) {
        jdbc.sql("""
                        insert into message_part (message_id, part_no, channel, channel_message_id, sent_at)
                        values (:id, :part, :channel, :cid, :now)""")
                .param("id", part.messageId()).param("part", part.partNo()).param("channel", part.channel().id())
                .param("cid", part.channelMessageId()).param("now", HotlineClock.now(clock)).update();
    }

    private static SendResult sendSafely(ChannelSender sender, OutboundMessage message) {
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            return new SendResult.Retry(e.getClass().getSimpleName(), null);
        }
    }

    private void record(Outcome outcome) {
        if (outcome instanceof Outcome.Sent sent && sent.lastPart() != null) {
            tx.executeWithoutResult(status -> {
                insert(sent.lastPart());
                recordState(outcome);
            });
        } else {
            recordState(outcome);
        }
    }

    private void recordState(Outcome outcome) {
        switch (outcome) {
            // A delivery report may come back from the platform before this is written: it is not undone.
            case Outcome.Sent sent -> jdbc.sql("""
                            update message set state = case when state in ('DELIVERED', 'SEEN') then state else 'SENT' end,
                                   sent_at = :now, channel_message_id = :cid, failure_reason = null
                            where id = :id""")
                    .param("now", sent.at()).param("cid", sent.channelMessageId()).param("id", sent.id()).update();
            case Outcome.Retry retry -> jdbc.sql("""
                            update message set state = 'QUEUED', next_attempt_at = :next, enqueued_at = null,
                                   failure_reason = :reason where id = :id""")
                    .param("next", retry.next()).param("reason", truncate(retry.reason())).param("id", retry.id()).update();
            // Outside the hours she said are safe, or over the send budget: back in the queue, not counted as an attempt.
            case Outcome.Hold hold -> jdbc.sql("""
                            update message set state = 'QUEUED', attempts = attempts - 1, next_attempt_at = :until, enqueued_at = null
                            where id = :id""")
                    .param("until", hold.until()).param("id", hold.id()).update();
            case Outcome.Fail fail -> jdbc.sql("update message set state = 'FAILED', failure_reason = :reason where id = :id")
                    .param("reason", truncate(fail.reason())).param("id", fail.id()).update();
        }
    }

    /**
     * A step after the claim, done however long the database is away (up to {@code keepTrying}): a reply left
     * SENDING would wait for the sweeper's sending timeout, and one sent but not recorded would then be sent to
     * her a second time.
     */
    private <T> T despiteOutage(Supplier<T> step) {
        long deadline = System.nanoTime() + keepTrying.toNanos();
        for (long wait = 250; ; wait = Math.min(wait * 2, 2_000)) {
            try {
                return step.get();
            } catch (DataAccessResourceFailureException | TransactionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.warn("database unreachable while delivering ({}); trying again", e.getClass().getSimpleName());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void despiteOutage(Runnable step) {
        despiteOutage(() -> {
            step.run();
            return null;
        });
    }

    private static @Nullable SafeHours safeHours(java.sql.ResultSet rs) throws java.sql.SQLException {
        int from = rs.getInt("safe_from_hour");
        if (rs.wasNull()) {
            return null;
        }
        int to = rs.getInt("safe_to_hour");
        return rs.wasNull() ? null : new SafeHours(from, to);
    }

    /** 2 s, 4 s, 8 s ... up to 10 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(600, 1L << Math.min(attempts, 10)));
    }

    private static String truncate(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    /** What became of one claimed reply, to be written down. */
    private sealed interface Outcome {
        long id();

        /** Whether writing it down may wait for the batch's end: nothing reached a platform that a crash would repeat. */
        default boolean canWait() {
            return true;
        }

        record Sent(long id, @Nullable String channelMessageId, OffsetDateTime at, boolean harmlessToRepeat,
                    @Nullable SentPart lastPart) implements Outcome {
            @Override
            public boolean canWait() {
                return harmlessToRepeat;
            }
        }

        record Retry(long id, OffsetDateTime next, String reason) implements Outcome {
        }

        record Hold(long id, OffsetDateTime until) implements Outcome {
        }

        record Fail(long id, String reason) implements Outcome {
        }
    }

    private record Pending(OutboundMessage message, int attempts, boolean urgent, @Nullable SafeHours safeHours,
                           @Nullable OffsetDateTime askedAt, @Nullable Long caseId, @Nullable String servicePointId, int partsSent) {
    }
}
