package vn.kontum.hotline.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.queue.WorkHandler;

/**
 * Delivers one queued reply. Claims it (QUEUED -> SENDING) so that no other worker sends it too, sends it
 * through its channel (in parts when it is longer than the channel takes), then records SENT, a retry with
 * backoff, or FAILED with the reason. DELIVERED and SEEN are recorded later, from the platform's reports.
 */
@Component
public class DeliveryWorker implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final JdbcClient jdbc;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final ContentCipher content;
    private final HotlineMetrics metrics;
    private final int maxAttempts;
    private final Duration keepTrying;

    DeliveryWorker(JdbcClient jdbc, List<ChannelSender> senders, Clock clock, ContentCipher content, HotlineMetrics metrics,
                   @Value("${hotline.delivery.max-attempts:8}") int maxAttempts,
                   @Value("${hotline.queue.sending-timeout:PT2M}") Duration sendingTimeout) {
        this.jdbc = jdbc;
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
        OffsetDateTime now = HotlineClock.now(clock);
        int claimed;
        try {
            claimed = claim(id, now, false);
        } catch (DataAccessResourceFailureException | TransactionException lost) {
            // The connection went during the claim, which the database may have taken: tried again once it is back.
            claimed = despiteOutage(() -> claim(id, now, true));
        }
        if (claimed == 0) {
            return; // already sent, being sent elsewhere, or not due yet
        }
        // From here on the reply is ours (SENDING): each step waits out a database outage, see despiteOutage.
        Optional<Pending> pending = despiteOutage(() -> jdbc.sql("""
                        select m.id, m.channel, m.contact_id, m.body, m.choices, m.urgent, m.attempts, c.channel_user_id,
                               c.safe_from_hour, c.safe_to_hour, i.created_at as asked_at
                        from message m join contact c on c.id = m.contact_id left join message i on i.id = m.reply_to
                        where m.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Pending(new OutboundMessage(rs.getLong("id"), Channel.of(rs.getString("channel")),
                        rs.getLong("contact_id"), rs.getString("channel_user_id"), content.open(rs.getString("body")), Choice.read(rs.getString("choices"))),
                        rs.getInt("attempts"), rs.getBoolean("urgent"), safeHours(rs), rs.getObject("asked_at", OffsetDateTime.class)))
                .optional());
        if (pending.isEmpty()) {
            return;
        }
        OutboundMessage message = pending.get().message();
        if (message.text() == null) {
            despiteOutage(() -> fail(id, "content erased before delivery"));
            return;
        }
        SafeHours safe = pending.get().safeHours();
        if (safe != null && !pending.get().urgent() && !safe.allows(now)) {
            despiteOutage(() -> hold(id, safe.nextAllowed(now)));
            return;
        }
        ChannelSender sender = senders.get(message.channel());
        long started = System.nanoTime();
        SendResult result = sender == null ? new SendResult.Failed("channel " + message.channel().id() + " is not configured")
                : sendParts(sender, message);
        despiteOutage(() -> record(message, pending.get().attempts(), result));
        boolean sent = result instanceof SendResult.Sent;
        metrics.delivery(message.channel().id(), switch (result) {
            case SendResult.Sent s -> "sent";
            case SendResult.Retry r -> "retry";
            case SendResult.Failed f -> "failed";
        });
        if (sent && pending.get().urgent() && pending.get().askedAt() != null) {
            // The promise to someone in danger: the emergency answer leaves within seconds of her message.
            Duration left = Duration.between(pending.get().askedAt(), HotlineClock.now(clock));
            metrics.urgentReplyLeft(left);
            log.info("urgent reply {} left {} ms after the message arrived", id, left.toMillis());
        }
        (sent ? log.atDebug() : log.atInfo()).log("reply {} channel={} attempt={} result={} in {} ms", id, message.channel().id(), pending.get().attempts(),
                result.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * QUEUED -> SENDING, marked with the claim's own time; {@code again} after a connection lost during a first
     * try: a row SENDING with that very time was claimed by that try.
     */
    private int claim(long id, OffsetDateTime now, boolean again) {
        return jdbc.sql("""
                        update message set state = 'SENDING', enqueued_at = :now,
                               attempts = case when state = 'SENDING' then attempts else attempts + 1 end
                        where id = :id and direction = 'OUT'
                          and ((state = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= :now))
                               or (:again and state = 'SENDING' and enqueued_at = :now))""")
                .param("id", id).param("now", now).param("again", again).update();
    }

    /**
     * Sends the parts not sent yet, in order, recording each as it goes: a retry after a failure half-way sends
     * only the rest. The result is the first failure, or the last part's Sent.
     */
    private SendResult sendParts(ChannelSender sender, OutboundMessage message) {
        List<String> parts = TextParts.split(message.text(), sender.maxLength());
        if (parts.size() == 1 && !sender.reportsDelivery()) {
            return sendSafely(sender, message); // nothing to resume and nothing to match reports to: no bookkeeping
        }
        int done = despiteOutage(() -> jdbc.sql("select count(*) from message_part where message_id = :id").param("id", message.id())
                .query(Integer.class).single());
        SendResult result = new SendResult.Sent(null);
        for (int part = done; part < parts.size(); part++) {
            // Buttons go under the last part, where the question is.
            result = sendSafely(sender, new OutboundMessage(message.id(), message.channel(), message.contactId(),
                    message.channelUserId(), parts.get(part), part == parts.size() - 1 ? message.choices() : List.of()));
            if (!(result instanceof SendResult.Sent sent)) {
                return result;
            }
            int partNo = part;
            despiteOutage(() -> jdbc.sql("""
                            insert into message_part (message_id, part_no, channel, channel_message_id, sent_at)
                            values (:id, :part, :channel, :cid, :now)""")
                    .param("id", message.id()).param("part", partNo).param("channel", message.channel().id())
                    .param("cid", sent.channelMessageId()).param("now", HotlineClock.now(clock)).update());
        }
        return result;
    }

    private static SendResult sendSafely(ChannelSender sender, OutboundMessage message) {
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            return new SendResult.Retry(e.getClass().getSimpleName(), null);
        }
    }

    private void record(OutboundMessage message, int attempts, SendResult result) {
        OffsetDateTime now = HotlineClock.now(clock);
        switch (result) {
            // A delivery report may come back from the platform before this is written: it is not undone.
            case SendResult.Sent sent -> jdbc.sql("""
                            update message set state = case when state in ('DELIVERED', 'SEEN') then state else 'SENT' end,
                                   sent_at = :now, channel_message_id = :cid, failure_reason = null
                            where id = :id""")
                    .param("now", now).param("cid", sent.channelMessageId()).param("id", message.id()).update();
            case SendResult.Retry retry when attempts < maxAttempts -> {
                Duration wait = retry.after() != null ? retry.after() : backoff(attempts);
                jdbc.sql("""
                                update message set state = 'QUEUED', next_attempt_at = :next, enqueued_at = null,
                                       failure_reason = :reason where id = :id""")
                        .param("next", now.plus(wait)).param("reason", truncate(retry.reason())).param("id", message.id()).update();
            }
            case SendResult.Retry retry -> fail(message.id(), "gave up after " + attempts + " attempts: " + retry.reason());
            case SendResult.Failed failed -> fail(message.id(), failed.reason());
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

    /** Outside the hours she said are safe: back in the queue until then, without counting an attempt. */
    private void hold(long id, OffsetDateTime until) {
        jdbc.sql("""
                        update message set state = 'QUEUED', attempts = attempts - 1, next_attempt_at = :until, enqueued_at = null
                        where id = :id""")
                .param("until", until).param("id", id).update();
        log.info("reply {} held until the contact's safe hours ({})", id, until);
    }

    private static @Nullable SafeHours safeHours(java.sql.ResultSet rs) throws java.sql.SQLException {
        int from = rs.getInt("safe_from_hour");
        if (rs.wasNull()) {
            return null;
        }
        int to = rs.getInt("safe_to_hour");
        return rs.wasNull() ? null : new SafeHours(from, to);
    }

    private void fail(long id, String reason) {
        jdbc.sql("update message set state = 'FAILED', failure_reason = :reason where id = :id")
                .param("reason", truncate(reason)).param("id", id).update();
    }

    /** 2 s, 4 s, 8 s ... up to 10 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(600, 1L << Math.min(attempts, 10)));
    }

    private static String truncate(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    private record Pending(OutboundMessage message, int attempts, boolean urgent, @Nullable SafeHours safeHours,
                           @Nullable OffsetDateTime askedAt) {
    }
}
