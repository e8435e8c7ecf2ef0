package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One message of the conversation. {@code text} is what someone typed: shown only as text, never as markup or
 * in a link. An outgoing message without an author is the hotline's automatic answer.
 */
public record ThreadEntry(
        long id,
        boolean inbound,
        String channel,
        @Nullable String text,
        @Nullable String attachmentType,
        @Nullable String category,
        @Nullable Double confidence,
        boolean urgent,
        String state,
        @Nullable String failureReason,
        @Nullable String authorName,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime sentAt) {

    public boolean automatic() {
        return !inbound && authorName == null;
    }

    /** The classifier's confidence in whole percent. */
    public long confidencePercent() {
        return confidence == null ? 0 : Math.round(confidence * 100);
    }

    /** The bundle key naming a non-text message's type; unknown types share one. */
    public String attachmentKey() {
        return switch (attachmentType == null ? "" : attachmentType) {
            case "image", "audio", "video", "file", "sticker", "gif", "location", "contact", "edited" -> "attachment." + attachmentType;
            default -> "attachment.other";
        };
    }
}
