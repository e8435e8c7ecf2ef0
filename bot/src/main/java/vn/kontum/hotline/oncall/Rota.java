package vn.kontum.hotline.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is on call for a service point: weekly shifts (a weekday from a time to a time; past midnight when the
 * end is not after the start) and dated shifts (whole days, both ends included), in Vietnam's time.
 */
@Component
public class Rota {

    private final JdbcClient jdbc;
    private final OpeningHours hours;

    Rota(JdbcClient jdbc, OpeningHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    /** One shift as shown on the rota page. Weekly: {@code weekday}, {@code starts}, {@code ends}; dated: the dates. */
    public record Shift(long id, long accountId, String officerName, @Nullable DayOfWeek weekday, @Nullable LocalTime starts,
                        @Nullable LocalTime ends, @Nullable LocalDate fromDate, @Nullable LocalDate toDate) {

        public boolean weekly() {
            return weekday != null;
        }

        boolean covers(ZonedDateTime at) {
            if (weekday == null || starts == null || ends == null) {
                LocalDate day = at.toLocalDate();
                return fromDate != null && toDate != null && !day.isBefore(fromDate) && !day.isAfter(toDate);
            }
            LocalTime time = at.toLocalTime();
            DayOfWeek day = at.getDayOfWeek();
            if (starts.isBefore(ends)) {
                return day == weekday && !time.isBefore(starts) && time.isBefore(ends);
            }
            // Overnight: from the start on its weekday to the end on the next day.
            return (day == weekday && !time.isBefore(starts)) || (day == weekday.plus(1) && time.isBefore(ends));
        }
    }

    /** An officer who can be put on the rota of a service point. */
    public record Officer(long accountId, String name) {
    }

    public List<Shift> shifts(String servicePointId) {
        return shifts(servicePointId, "");
    }

    private List<Shift> shifts(String servicePointId, String condition) {
        return jdbc.sql("""
                        select s.id, s.account_id, a.display_name, s.weekday, s.starts, s.ends, s.from_date, s.to_date
                        from on_call_shift s join account a on a.id = s.account_id
                        where s.service_point_id = :sp""" + condition + """

                        order by case when s.weekday is null then 1 else 0 end, s.weekday, s.starts, s.from_date, s.id""")
                .param("sp", servicePointId)
                .query((rs, n) -> {
                    Integer weekday = rs.getObject("weekday", Integer.class);
                    return new Shift(rs.getLong("id"), rs.getLong("account_id"), rs.getString("display_name"),
                            weekday == null ? null : DayOfWeek.of(weekday), rs.getObject("starts", LocalTime.class),
                            rs.getObject("ends", LocalTime.class), rs.getObject("from_date", LocalDate.class),
                            rs.getObject("to_date", LocalDate.class));
                })
                .list();
    }

    /** The enabled accounts on call for the service point at {@code at}; empty when nobody is. */
    public List<Long> onCallAt(String servicePointId, OffsetDateTime at) {
        ZonedDateTime local = at.atZoneSameInstant(hours.zone());
        return shifts(servicePointId, " and a.enabled").stream().filter(s -> s.covers(local)).map(Shift::accountId)
                .distinct().toList();
    }

    /** The service point's own officers, who can be put on its rota. */
    public List<Officer> officersOf(String servicePointId) {
        return jdbc.sql("""
                        select a.id, a.display_name from account a join account_service_point asp on asp.account_id = a.id
                        where asp.service_point_id = :sp and a.enabled order by a.display_name, a.id""")
                .param("sp", servicePointId)
                .query((rs, n) -> new Officer(rs.getLong(1), rs.getString(2))).list();
    }
}
