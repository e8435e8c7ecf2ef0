package vn.kontum.hotline.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One message of a case's thread, for an authorised reader. */
public record ThreadMessage(
        long id,
        String direction,
        String channel,
        @Nullable String text,
        @Nullable String attachmentType,
        @Nullable String category,
        @Nullable Double confidence,
        @Nullable Boolean urgent,
        @Nullable String modelVersion,
        String state,
        @Nullable String failureReason,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime sentAt) {
}
