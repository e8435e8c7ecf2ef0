package vn.kontum.hotline.oncall.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One urgent alert of a case as its page shows it: raised, each round and whom it reached, acknowledged. */
public record AlertTimeline(long alertId, OffsetDateTime raisedAt, List<Round> rounds, @Nullable OffsetDateTime nextRoundAt,
                            @Nullable OffsetDateTime acknowledgedAt, @Nullable String acknowledgedBy,
                            @Nullable Acknowledgement acknowledgedVia) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Round 0 alerts the officers on call; later rounds alert them again and the coordinators. */
    public record Round(int number, OffsetDateTime startedAt, List<Recipient> recipients) {
        public boolean escalation() {
            return number > 0;
        }
    }

    /**
     * {@code reason}: ON_CALL, SERVICE_POINT or COORDINATOR; {@code channel}: telegram or zalo; {@code state}: QUEUED,
     * SENDING, SENT or FAILED, and for FAILED the platform's reason (e.g. Zalo's 7-day window).
     */
    public record Recipient(String name, String reason, String channel, String state, @Nullable OffsetDateTime sentAt,
                            @Nullable String failureReason) {
    }
}
