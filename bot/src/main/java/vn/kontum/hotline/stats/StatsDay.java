package vn.kontum.hotline.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Calendar days in Vietnam's time as numbers (days since 1970-01-01), computed the same way by PostgreSQL and H2:
 * H2 turns a time into a date in its own zone whatever AT TIME ZONE says, so the SQL counts seconds instead.
 */
final class StatsDay {

    /** UTC+7; Vietnam has kept it without summer time since 1975. */
    private static final int OFFSET_SECONDS = Period.VIETNAM.getRules().getOffset(Instant.now()).getTotalSeconds();

    private StatsDay() {
    }

    /** The day of a {@code timestamp with time zone} column, as an SQL expression (null stays null). */
    static String of(String column) {
        return "cast(floor((extract(epoch from " + column + ") + " + OFFSET_SECONDS + ") / 86400) as integer)";
    }

    static int of(LocalDate day) {
        return Math.toIntExact(day.toEpochDay());
    }

    static int of(OffsetDateTime at) {
        return of(at.atZoneSameInstant(Period.VIETNAM).toLocalDate());
    }

    static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    /** When the day starts (UTC). */
    static OffsetDateTime start(int day) {
        return date(day).atStartOfDay(Period.VIETNAM).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
