package vn.kontum.hotline.oncall;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;

/**
 * Coordinators' changes to opening hours and the rota. Every change checks the role here as well as on the
 * page, so that no other caller can skip it. A change that makes no sense is refused with a {@link Refused}
 * naming the bundle key of the reason.
 */
@Component
public class OnCallPlanning {

    private static final Logger log = LoggerFactory.getLogger(OnCallPlanning.class);

    /** Refused for a reason the coordinator can read; {@link #key} is in the message bundles. */
    public static final class Refused extends RuntimeException {
        private final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Not a coordinator: the page answers 403. */
    public static final class NotAllowed extends RuntimeException {
        NotAllowed() {
            super("only coordinators plan on-call work");
        }
    }

    private final JdbcClient jdbc;
    private final OpeningHours hours;
    private final Rota rota;
    private final Clock clock;

    OnCallPlanning(JdbcClient jdbc, OpeningHours hours, Rota rota, Clock clock) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.rota = rota;
        this.clock = clock;
    }

    public static boolean mayPlan(Viewer viewer) {
        return viewer.roles().contains(Role.COORDINATOR);
    }

    /**
     * Adds an opening on a weekday. The first one replaces the office day for that service point; openings on
     * the same day may not overlap.
     */
    public void addOpening(Viewer viewer, String servicePointId, DayOfWeek day, LocalTime opens, LocalTime closes) {
        require(viewer);
        if (!opens.isBefore(closes)) {
            throw new Refused("oncall.refused.order");
        }
        Long overlapping = jdbc.sql("""
                        select count(*) from opening_hours where service_point_id = :sp and weekday = :day
                          and opens < :closes and closes > :opens""")
                .param("sp", servicePointId).param("day", day.getValue()).param("opens", opens).param("closes", closes)
                .query(Long.class).single();
        if (overlapping > 0) {
            throw new Refused("oncall.refused.overlap");
        }
        jdbc.sql("insert into opening_hours (service_point_id, weekday, opens, closes) values (:sp, :day, :opens, :closes)")
                .param("sp", servicePointId).param("day", day.getValue()).param("opens", opens).param("closes", closes).update();
        hours.forget(servicePointId);
        log.info("opening hours of {} changed by account {}", servicePointId, viewer.accountId());
    }

    /** Removes one opening; when none is left, the service point keeps the office day again. */
    public void removeOpening(Viewer viewer, String servicePointId, long id) {
        require(viewer);
        jdbc.sql("delete from opening_hours where id = :id and service_point_id = :sp").param("id", id).param("sp", servicePointId).update();
        hours.forget(servicePointId);
        log.info("opening hours of {} changed by account {}", servicePointId, viewer.accountId());
    }

    /** Every week on {@code day} from {@code starts} to {@code ends} (past midnight when the end is not after the start). */
    public void addWeeklyShift(Viewer viewer, String servicePointId, long accountId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        require(viewer);
        requireOfficer(servicePointId, accountId);
        if (starts.equals(ends)) {
            throw new Refused("oncall.refused.order");
        }
        jdbc.sql("""
                        insert into on_call_shift (service_point_id, account_id, weekday, starts, ends, created_by, created_at)
                        values (:sp, :account, :day, :starts, :ends, :me, :now)""")
                .param("sp", servicePointId).param("account", accountId).param("day", day.getValue()).param("starts", starts)
                .param("ends", ends).param("me", viewer.accountId()).param("now", HotlineClock.now(clock)).update();
        log.info("rota of {} changed by account {}", servicePointId, viewer.accountId());
    }

    /** Whole days from {@code from} to {@code to}, both included. */
    public void addDatedShift(Viewer viewer, String servicePointId, long accountId, LocalDate from, LocalDate to) {
        require(viewer);
        requireOfficer(servicePointId, accountId);
        if (to.isBefore(from)) {
            throw new Refused("oncall.refused.order");
        }
        jdbc.sql("""
                        insert into on_call_shift (service_point_id, account_id, from_date, to_date, created_by, created_at)
                        values (:sp, :account, :from, :to, :me, :now)""")
                .param("sp", servicePointId).param("account", accountId).param("from", from).param("to", to)
                .param("me", viewer.accountId()).param("now", HotlineClock.now(clock)).update();
        log.info("rota of {} changed by account {}", servicePointId, viewer.accountId());
    }

    public void removeShift(Viewer viewer, String servicePointId, long id) {
        require(viewer);
        jdbc.sql("delete from on_call_shift where id = :id and service_point_id = :sp").param("id", id).param("sp", servicePointId).update();
        log.info("rota of {} changed by account {}", servicePointId, viewer.accountId());
    }

    private void requireOfficer(String servicePointId, long accountId) {
        if (rota.officersOf(servicePointId).stream().noneMatch(o -> o.accountId() == accountId)) {
            throw new Refused("oncall.refused.officer");
        }
    }

    private static void require(Viewer viewer) {
        if (!mayPlan(viewer)) {
            throw new NotAllowed();
        }
    }
}
