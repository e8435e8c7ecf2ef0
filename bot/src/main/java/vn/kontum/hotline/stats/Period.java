package vn.kontum.hotline.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A range of calendar days in Vietnam's time, both ends included. */
public record Period(LocalDate from, LocalDate to) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The longest period a report covers: the programme's five-year plan, and a page or file of sensible size. */
    public static final int MAX_YEARS = 5;

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (from.getYear() < FIRST_YEAR || to.getYear() > LAST_YEAR) { // a date typed wrong: refused, not a failure
            throw new IllegalArgumentException("no report before " + FIRST_YEAR + " or after " + LAST_YEAR);
        }
        if (from.isBefore(to.minusYears(MAX_YEARS))) { // counted back from the end, as within() does (29 February)
            throw new IllegalArgumentException("the period is longer than " + MAX_YEARS + " years");
        }
    }

    /**
     * From {@code from} to {@code to}, the start moved up to {@code to} if after it, and to five years before it at
     * most; both kept within the years a report may cover (for pages, which show the period as taken).
     */
    public static Period within(LocalDate from, LocalDate to) {
        to = clamp(to);
        from = clamp(from);
        LocalDate start = from.isAfter(to) ? to : from;
        return new Period(start.isBefore(to.minusYears(MAX_YEARS)) ? to.minusYears(MAX_YEARS) : start, to);
    }

    OffsetDateTime start() {
        return from.atStartOfDay(VIETNAM).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Exclusive. */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The six-month report (to 31 May, filed before 10 June) or the annual one (to 31 October, before 10 November). */
    public static Period sixMonths(int year) {
        return new Period(LocalDate.of(reportYear(year) - 1, 12, 1), LocalDate.of(year, 5, 31));
    }

    public static Period annual(int year) {
        return new Period(LocalDate.of(reportYear(year) - 1, 11, 1), LocalDate.of(year, 10, 31));
    }

    /** The years a report may be asked for; beyond, a year typed wrong, refused as a bad request rather than failing. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static LocalDate clamp(LocalDate day) {
        LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
        LocalDate last = LocalDate.of(LAST_YEAR, 12, 31);
        return day.isBefore(first) ? first : day.isAfter(last) ? last : day;
    }

    private static int reportYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("no report for the year " + year);
        }
        return year;
    }
}
