package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One message of the conversation. {@code text} is what someone typed: shown only as text, never as markup or
 * in a link. An outgoing message without an author is the hotline's automatic answer. {@code erased}: its content
 * is gone (she sent the erase word, or the retention time passed); the row stays for the record.
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
        @Nullable OffsetDateTime sentAt,
        boolean erased) {

    public boolean automatic() {
        return !inbound && authorName == null;
    }

    /** The classifier's confidence in whole percent. */
    public long confidencePercent() {
        return confidence == null ? 0 : Math.round(confidence * 100);
    }

    /** A photo, voice message, video or file the officer can open through the hotline (not erased). */
    public boolean openable() {
        return inbound && !erased && ("telegram".equals(channel)) && attachmentType != null
                && java.util.Set.of("image", "audio", "video", "file", "sticker", "gif").contains(attachmentType);
    }

    /** The bundle key naming a non-text message's type; unknown types share one. */
    public String attachmentKey() {
        return switch (attachmentType == null ? "" : attachmentType) {
            case "image", "audio", "video", "file", "sticker", "gif", "location", "contact", "edited", "button" -> "attachment." + attachmentType;
            default -> "attachment.other";
        };
    }
}
