package vn.kontum.hotline.contact;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The hours of the day when a woman has said it is safe to write to her ("only reply between 9 and 11"), in
 * Kon Tum's time. From 22 to 6 wraps past midnight. Replies outside them wait; urgent answers do not.
 */
public record SafeHours(int fromHour, int toHour) {

    public static final ZoneId KON_TUM = ZoneId.of("Asia/Ho_Chi_Minh");

    public SafeHours {
        if (fromHour < 0 || fromHour > 23 || toHour < 0 || toHour > 24 || fromHour == toHour) {
            throw new IllegalArgumentException("safe hours must be two different hours of the day");
        }
    }

    public boolean allows(OffsetDateTime at) {
        int hour = at.atZoneSameInstant(KON_TUM).getHour();
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
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
