package vn.kontum.hotline.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

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
 * after Redis lost its data, after a node died between its commit and its queue write, after a retry's wait.
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
        List<Long> inbound = jdbc.sql("""
                        select id from message where state = 'ACCEPTED' and (enqueued_at is null or enqueued_at < :stale)
                        order by id fetch first 500 rows only""")
                .param("stale", stale).query(Long.class).list();
        List<Long> outbound = jdbc.sql("""
                        select id from message where state = 'QUEUED' and (enqueued_at is null or enqueued_at < :stale)
                          and (next_attempt_at is null or next_attempt_at <= :now)
                        order by id fetch first 500 rows only""")
                .param("stale", stale).param("now", now).query(Long.class).list();
        requeue(WorkQueue.INBOUND, inbound, now);
        requeue(WorkQueue.OUTBOUND, outbound, now);
        if (!inbound.isEmpty() || !outbound.isEmpty() || reset > 0) {
            log.info("sweeper requeued {} inbound, {} outbound; {} stuck sends reset", inbound.size(), outbound.size(), reset);
        }
        return inbound.size() + outbound.size();
    }

    private void requeue(String stream, List<Long> ids, OffsetDateTime now) {
        for (long id : ids) {
            jdbc.sql("update message set enqueued_at = :now where id = :id").param("now", now).param("id", id).update();
            queue.publish(stream, id);
        }
    }
}
