package vn.kontum.hotline.contact;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The hours of the day when a woman has said it is safe to write to her ("only reply between 9 and 11"), in
 * Kon Tum's time. From 22 to 6 wraps past midnight. Replies outside them wait; urgent answers do not, nor does the
 * bot's answer to a message she has just written.
 */
public record SafeHours(int fromHour, int toHour) {

    public static final ZoneId KON_TUM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * How long after her message the bot's answer to it still goes out whatever the hour: she is holding the phone
     * and waits for it (held until her hours, her question went unanswered while she was there to read it). An
     * answer later than this, after a backlog or an outage, waits for her hours like an officer's reply.
     */
    public static final Duration WHILE_SHE_WRITES = Duration.ofMinutes(2);

    public SafeHours {
        if (fromHour < 0 || fromHour > 23 || toHour < 0 || toHour > 24 || fromHour == toHour) {
            throw new IllegalArgumentException("safe hours must be two different hours of the day");
        }
    }

    public boolean allows(OffsetDateTime at) {
        int hour = at.atZoneSameInstant(KON_TUM).getHour();
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }

    /**
     * Whether a reply may go out at {@code now}: within her hours, or the bot's answer to her message of
     * {@code askedAt} (null for an officer's reply) while she is still there, {@link #WHILE_SHE_WRITES}.
     */
    public boolean allowsReply(@Nullable OffsetDateTime askedAt, OffsetDateTime now) {
        return allows(now) || answersHerNow(askedAt, now);
    }

    /** Whether the bot's answer to her message of {@code askedAt} is still an answer while she writes. */
    public static boolean answersHerNow(@Nullable OffsetDateTime askedAt, OffsetDateTime now) {
        return askedAt != null && !now.isAfter(askedAt.plus(WHILE_SHE_WRITES));
    }

    /** The next moment at or after {@code at} when a reply may go out. */
    public OffsetDateTime nextAllowed(OffsetDateTime at) {
        if (allows(at)) {
            return at;
        }
        ZonedDateTime local = at.atZoneSameInstant(KON_TUM);
        ZonedDateTime start = local.withHour(fromHour).withMinute(0).withSecond(0).withNano(0);
        if (!start.isAfter(local)) {
            start = start.plusDays(1);
        }
        return start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
