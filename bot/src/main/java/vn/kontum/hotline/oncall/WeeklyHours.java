package vn.kontum.hotline.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One service point's week: for each weekday, the times it is open, in local time. Pure arithmetic, so that
 * opening, next opening and working time can be checked without a database.
 */
final class WeeklyHours {

    /** Open from {@code opens} (included) to {@code closes} (excluded). */
    record Interval(LocalTime opens, LocalTime closes) {
        Interval {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("an opening interval must close after it opens");
            }
        }
    }

    /** The Vietnamese office day: Monday to Friday, 07:30-11:30 and 13:30-17:00. */
    static final WeeklyHours OFFICE_DAY;

    static {
        Map<DayOfWeek, List<Interval>> office = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            office.put(day, List.of(new Interval(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                    new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0))));
        }
        OFFICE_DAY = new WeeklyHours(office);
    }

    private final Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);

    WeeklyHours(Map<DayOfWeek, List<Interval>> byDay) {
        byDay.forEach((day, intervals) -> {
            List<Interval> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparing(Interval::opens));
            days.put(day, List.copyOf(sorted));
        });
        if (days.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a week without any opening");
        }
    }

    List<Interval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    boolean isOpen(ZonedDateTime at) {
        LocalTime time = at.toLocalTime();
        return on(at.getDayOfWeek()).stream().anyMatch(i -> !time.isBefore(i.opens()) && time.isBefore(i.closes()));
    }

    /** {@code at} itself when open, otherwise the start of the next opening. */
    ZonedDateTime nextOpening(ZonedDateTime at) {
        if (isOpen(at)) {
            return at;
        }
        LocalDate date = at.toLocalDate();
        for (int d = 0; d <= 7; d++) {
            LocalDate day = date.plusDays(d);
            for (Interval i : on(day.getDayOfWeek())) {
                ZonedDateTime start = day.atTime(i.opens()).atZone(at.getZone());
                if (start.isAfter(at)) {
                    return start;
                }
            }
        }
        throw new IllegalStateException("a week without any opening"); // refused by the constructor
    }

    /** How much of the time from {@code from} to {@code to} falls in opening hours; zero when {@code to} is not after {@code from}. */
    Duration workingTimeBetween(ZonedDateTime from, ZonedDateTime to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZoneId zone = from.getZone();
        ZonedDateTime end = to.withZoneSameInstant(zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            for (Interval i : on(day.getDayOfWeek())) {
                ZonedDateTime opens = day.atTime(i.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(i.closes()).atZone(zone);
                ZonedDateTime a = opens.isAfter(from) ? opens : from;
                ZonedDateTime b = closes.isBefore(end) ? closes : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The moment when {@code amount} of opening hours will have passed after {@code from}. */
    ZonedDateTime plusWorkingTime(ZonedDateTime from, Duration amount) {
        Duration left = amount;
        ZonedDateTime at = from;
        if (left.isZero() || left.isNegative()) {
            return from;
        }
        for (int guard = 0; guard < 100_000; guard++) {
            at = nextOpening(at);
            LocalTime time = at.toLocalTime();
            Interval current = on(at.getDayOfWeek()).stream()
                    .filter(i -> !time.isBefore(i.opens()) && time.isBefore(i.closes())).findFirst().orElseThrow();
            ZonedDateTime closes = at.toLocalDate().atTime(current.closes()).atZone(at.getZone());
            Duration available = Duration.between(at, closes);
            if (available.compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(available);
            at = closes;
        }
        throw new IllegalStateException("working time too long to count");
    }
}
