package vn.kontum.hotline.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.metrics.HotlineMetrics;

/**
 * The promise to someone in danger, measured: her emergency answer leaves within seconds of her message. Told when
 * one left, by a delivery lane or, on the web chat, by its being stored; ids and times only.
 */
final class EmergencyAnswerTimer {

    private static final Logger log = LoggerFactory.getLogger(EmergencyAnswerTimer.class);

    private EmergencyAnswerTimer() {
    }

    static void left(HotlineMetrics metrics, long replyId, OffsetDateTime askedAt, Clock clock) {
        Duration left = Duration.between(askedAt, HotlineClock.now(clock));
        metrics.urgentReplyLeft(left);
        log.info("urgent reply {} left {} ms after the message arrived", replyId, left.toMillis());
    }
}
