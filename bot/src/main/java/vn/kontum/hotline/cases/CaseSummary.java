package vn.kontum.hotline.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A case as the monitoring API shows it: no message text, no names. */
public record CaseSummary(
        long id,
        String category,
        String priority,
        String status,
        String servicePointId,
        String servicePointName,
        String channel,
        String routeReason,
        OffsetDateTime openedAt,
        @Nullable OffsetDateTime firstReplyAt,
        @Nullable OffsetDateTime resolvedAt,
        @Nullable OffsetDateTime closedAt) {
}
