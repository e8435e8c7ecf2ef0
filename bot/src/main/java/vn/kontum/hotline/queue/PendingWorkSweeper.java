package vn.kontum.hotline.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;

/**
 * The safety net under the queue. The database says what is still to do; this puts back on the queue every
 * message accepted but not processed, and every reply due but not sent, that has not been queued for a while:
 * after Redis lost its data, after a node died between its commit and its queue write, after a retry's wait. What
 * was queued after the last entry a lane's workers have read is still waiting in it, unread, however long ago: only
 * older work counts as lost there.
 * One node sweeps at a time (a Redis lock).
 */
@Component
public class PendingWorkSweeper {

    private static final Logger log = LoggerFactory.getLogger(PendingWorkSweeper.class);
    private static final String LOCK = "hotline:lock:sweeper";

    private final JdbcClient jdbc;
    private final WorkQueue queue;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration requeueAfter;
    private final Duration sendingTimeout;
    private final String node;

    PendingWorkSweeper(JdbcClient jdbc, WorkQueue queue, StringRedisTemplate redis, Clock clock,
                       @Value("${hotline.queue.requeue-after:PT30S}") Duration requeueAfter,
                       @Value("${hotline.queue.sending-timeout:PT2M}") Duration sendingTimeout,
                       @Value("${hotline.node-id}") String node) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.redis = redis;
        this.clock = clock;
        this.requeueAfter = requeueAfter;
        this.sendingTimeout = sendingTimeout;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${hotline.queue.sweep-every:PT2S}", initialDelay = 1_000)
    public void sweep() {
        try {
            Boolean mine = redis.opsForValue().setIfAbsent(LOCK, node, requeueAfter);
            if (!Boolean.TRUE.equals(mine)) {
                return;
            }
            try {
                sweepOnce();
            } finally {
                redis.delete(LOCK);
            }
        } catch (RuntimeException e) {
            log.warn("sweep skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** One pass; returns how many messages were put back on the queue. */
    public int sweepOnce() {
        OffsetDateTime now = HotlineClock.now(clock);
        OffsetDateTime stale = now.minus(requeueAfter);
        int reset = jdbc.sql("update message set state = 'QUEUED', enqueued_at = null where state = 'SENDING' and enqueued_at < :before")
                .param("before", now.minus(sendingTimeout)).update();
        // Urgent first, and back to the urgent lanes: an emergency answer must not wait behind a backlog here either.
        // A lane whose workers are behind still holds, unread, what was queued after the last entry they read: that
        // is waiting, not lost, and queued again it would be read twice (under a long backlog, again and again).
        List<Waiting> inbound = waiting("ACCEPTED", "",
                staleIn(WorkQueue.INBOUND, stale, now), staleIn(WorkQueue.URGENT_INBOUND, stale, now), now);
        List<Waiting> outbound = waiting("QUEUED", "and (next_attempt_at is null or next_attempt_at <= :now)",
                staleIn(WorkQueue.OUTBOUND, stale, now), staleIn(WorkQueue.URGENT_OUTBOUND, stale, now), now);
        requeue(WorkQueue.URGENT_INBOUND, WorkQueue.INBOUND, inbound, now);
        requeue(WorkQueue.URGENT_OUTBOUND, WorkQueue.OUTBOUND, outbound, now);
        if (!inbound.isEmpty() || !outbound.isEmpty() || reset > 0) {
            log.info("sweeper requeued {} inbound, {} outbound; {} stuck sends reset", inbound.size(), outbound.size(), reset);
        }
        return inbound.size() + outbound.size();
    }

    /**
     * Up to 500 rows in {@code state} never queued, or queued to their lane before its stale time, urgent first.
     * Two branches rather than one {@code or}, each a range of the (state, enqueued_at) index: under a backlog of
     * tens of thousands of rows queued moments ago, a pass does not read them (it still reads the replies waiting to
     * retry, whose {@code enqueued_at} is null, to find those due).
     * The state is written into the statement (one of two constants) so that the planner sees which rows it takes.
     */
    private List<Waiting> waiting(String state, String due, OffsetDateTime stale, OffsetDateTime staleUrgent, OffsetDateTime now) {
        return jdbc.sql("""
                        select id, urgent from (
                          select id, urgent from message where state = '%1$s' and enqueued_at is null %2$s
                          union all
                          select id, urgent from message where state = '%1$s' and enqueued_at < :later
                            and enqueued_at < case when urgent then :staleUrgent else :stale end %2$s) w
                        order by case when urgent then 0 else 1 end, id fetch first 500 rows only""".formatted(state, due))
                .param("later", stale.isAfter(staleUrgent) ? stale : staleUrgent)
                .param("stale", stale).param("staleUrgent", staleUrgent).param("now", now)
                .query(Waiting.class).list();
    }

    /** Rows queued to {@code stream} before the returned time and not done since are lost from it. */
    private OffsetDateTime staleIn(String stream, OffsetDateTime stale, OffsetDateTime now) {
        return staleBefore(stale, now, queue.unreadFor(stream));
    }

    /**
     * {@code unreadFor}: how long ago the last entry the lane's workers read was added, if entries after it wait
     * unread; set against this node's clock, whatever Redis's clock says. (The rows are dated by the clock of the node
     * that queued them: the nodes' clocks are taken to agree, as NTP keeps them.)
     */
    static OffsetDateTime staleBefore(OffsetDateTime stale, OffsetDateTime now, @Nullable Duration unreadFor) {
        if (unreadFor == null) {
            return stale;
        }
        OffsetDateTime reading = now.minus(unreadFor);
        return reading.isBefore(stale) ? reading : stale;
    }

    private void requeue(String urgentStream, String stream, List<Waiting> waiting, OffsetDateTime now) {
        for (Waiting w : waiting) {
            jdbc.sql("update message set enqueued_at = :now where id = :id").param("now", now).param("id", w.id()).update();
            queue.publish(Boolean.TRUE.equals(w.urgent()) ? urgentStream : stream, w.id());
        }
    }

    /** A message still to process (urgent as the intake guessed it), or a reply still to send (urgent: an emergency answer). */
    private record Waiting(long id, @Nullable Boolean urgent) {
    }
}
