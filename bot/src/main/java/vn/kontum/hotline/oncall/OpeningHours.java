package vn.kontum.hotline.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each service point is open, in Vietnam's time. A service point without hours of its own keeps the
 * Vietnamese office day (Monday to Friday 07:30-11:30 and 13:30-17:00). Results are in UTC, as stored.
 */
@Component
public final class OpeningHours {

    /** Read for every inbox row and every statistics case; hours change rarely, so they are kept a little while. */
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    OpeningHours(JdbcClient jdbc, @Value("${hotline.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    public boolean isOpen(String servicePointId, OffsetDateTime at) {
        return week(servicePointId).isOpen(local(at));
    }

    /** {@code at} itself when open; otherwise when the service point next opens. */
    public OffsetDateTime nextOpening(String servicePointId, OffsetDateTime at) {
        ZonedDateTime local = local(at);
        WeeklyHours week = week(servicePointId);
        return week.isOpen(local) ? at : utc(week.nextOpening(local));
    }

    /** Only the time within opening hours counts: used for the normal first-response target. */
    public Duration workingTimeBetween(String servicePointId, OffsetDateTime from, OffsetDateTime to) {
        return week(servicePointId).workingTimeBetween(local(from), local(to));
    }

    /** When {@code amount} of opening hours will have passed after {@code from}. */
    public OffsetDateTime plusWorkingTime(String servicePointId, OffsetDateTime from, Duration amount) {
        return utc(week(servicePointId).plusWorkingTime(local(from), amount));
    }

    /** Whether the service point has hours of its own (otherwise the office day applies). */
    public boolean hasOwnHours(String servicePointId) {
        return !rows(servicePointId).isEmpty();
    }

    /** The week as it applies, Monday first, for showing. */
    public Map<DayOfWeek, List<Span>> weekOf(String servicePointId) {
        WeeklyHours week = week(servicePointId);
        Map<DayOfWeek, List<Span>> out = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            out.put(day, week.on(day).stream().map(i -> new Span(0, i.opens(), i.closes())).toList());
        }
        return out;
    }

    /** The service point's own rows (empty when it keeps the office day), with their ids for removing. */
    public Map<DayOfWeek, List<Span>> ownRows(String servicePointId) {
        Map<DayOfWeek, List<Span>> out = new EnumMap<>(DayOfWeek.class);
        for (Row r : rows(servicePointId)) {
            out.computeIfAbsent(DayOfWeek.of(r.weekday()), d -> new ArrayList<>()).add(new Span(r.id(), r.opens(), r.closes()));
        }
        return out;
    }

    /** One opening on a day; {@code id} is the row's (0 for the default office day). */
    public record Span(long id, LocalTime opens, LocalTime closes) {
    }

    /** Forgets cached hours after a change. */
    void forget(String servicePointId) {
        cache.remove(servicePointId);
    }

    ZoneId zone() {
        return zone;
    }

    private WeeklyHours week(String servicePointId) {
        Cached cached = cache.get(servicePointId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
            return cached.week();
        }
        List<Row> rows = rows(servicePointId);
        WeeklyHours week;
        if (rows.isEmpty()) {
            week = WeeklyHours.OFFICE_DAY;
        } else {
            Map<DayOfWeek, List<WeeklyHours.Interval>> byDay = new EnumMap<>(DayOfWeek.class);
            rows.forEach(r -> byDay.computeIfAbsent(DayOfWeek.of(r.weekday()), d -> new ArrayList<>())
                    .add(new WeeklyHours.Interval(r.opens(), r.closes())));
            week = new WeeklyHours(byDay);
        }
        cache.put(servicePointId, new Cached(week, System.nanoTime()));
        return week;
    }

    private List<Row> rows(String servicePointId) {
        return jdbc.sql("select id, weekday, opens, closes from opening_hours where service_point_id = :sp order by weekday, opens")
                .param("sp", servicePointId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("weekday"), rs.getObject("opens", LocalTime.class),
                        rs.getObject("closes", LocalTime.class)))
                .list();
    }

    private ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone);
    }

    private static OffsetDateTime utc(ZonedDateTime at) {
        return at.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Row(long id, int weekday, LocalTime opens, LocalTime closes) {
    }

    private record Cached(WeeklyHours week, long loadedAt) {
    }
}
