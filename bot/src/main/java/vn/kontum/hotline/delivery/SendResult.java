package vn.kontum.hotline.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What a channel said when asked to deliver a message. */
public sealed interface SendResult {

    /** Delivered to the platform. */
    record Sent(@Nullable String channelMessageId) implements SendResult {
    }

    /** Failed for now (timeout, 5xx, rate limit): try again later, after {@code after} when the platform said so. */
    record Retry(String reason, @Nullable Duration after) implements SendResult {
    }

    /**
     * Not tried: the hotline's own share of the platform's limit is used up for now. Tried again after
     * {@code after} without counting an attempt, so a burst never makes a reply fail.
     */
    record NotYet(Duration after) implements SendResult {
    }

    /** Will never succeed (blocked by the user, outside the platform's window): shown to officers. */
    record Failed(String reason) implements SendResult {
    }
}
