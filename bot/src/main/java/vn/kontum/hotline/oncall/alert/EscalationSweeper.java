package vn.kontum.hotline.oncall.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;

/**
 * Every few seconds: raises alerts that were not written with their case, starts the rounds that are due
 * (escalation), and sends alert messages waiting for a retry. One node at a time (a Redis lock); should Redis be
 * away, it runs anyway: every round and message is claimed in the database, so nothing is sent twice, and an
 * alert matters more than the saved work.
 */
@Component
class EscalationSweeper {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweeper.class);
    private static final String LOCK = "hotline:lock:escalation";

    private final AlertRounds rounds;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String node;
    private final Duration sendingTimeout;
    private final Duration backstopWindow;

    EscalationSweeper(AlertRounds rounds, StringRedisTemplate redis, Clock clock, @Value("${hotline.node-id}") String node,
                      @Value("${hotline.escalation.sending-timeout:PT2M}") Duration sendingTimeout,
                      @Value("${hotline.escalation.backstop-window:PT1H}") Duration backstopWindow) {
        this.rounds = rounds;
        this.redis = redis;
        this.clock = clock;
        this.node = node;
        this.sendingTimeout = sendingTimeout;
        this.backstopWindow = backstopWindow;
    }

    @Scheduled(fixedDelayString = "${hotline.escalation.sweep-every:PT10S}", initialDelay = 2_000)
    void sweep() {
        boolean locked = false;
        try {
            locked = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(LOCK, node, Duration.ofMinutes(1)));
            if (!locked) {
                return;
            }
        } catch (RuntimeException e) {
            log.warn("escalation lock unavailable ({}); sweeping anyway", e.getClass().getSimpleName());
        }
        try {
            sweepOnce(HotlineClock.now(clock));
        } catch (RuntimeException e) {
            log.warn("escalation sweep failed: {}", e.getClass().getSimpleName());
        } finally {
            if (locked) {
                try {
                    redis.delete(LOCK);
                } catch (RuntimeException e) {
                    log.debug("escalation lock left to expire");
                }
            }
        }
    }

    void sweepOnce(OffsetDateTime now) {
        int reset = rounds.resetStuck(now.minus(sendingTimeout));
        int raised = rounds.raiseMissing(now, backstopWindow);
        if (raised > 0 || reset > 0) {
            log.warn("escalation sweep: {} alerts raised by the backstop, {} stuck sends reset", raised, reset);
        }
        rounds.runDue(now);
    }
}
