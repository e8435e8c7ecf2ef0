package vn.kontum.hotline.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The office day and a service point's own week: open or closed, next opening, working time. 2026-03-02 is a Monday. */
class WeeklyHoursTest {

    private static final ZoneId KON_TUM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WeeklyHours OFFICE = WeeklyHours.OFFICE_DAY;

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(KON_TUM);
    }

    @Test
    void the_office_day_is_open_in_the_morning_and_afternoon_of_weekdays_only() {
        assertThat(OFFICE.isOpen(at("2026-03-02T07:30"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-03-02T11:29"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-03-02T11:30"))).isFalse(); // closes at 11:30
        assertThat(OFFICE.isOpen(at("2026-03-02T12:15"))).isFalse(); // lunch
        assertThat(OFFICE.isOpen(at("2026-03-02T16:59"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-03-02T17:00"))).isFalse();
        assertThat(OFFICE.isOpen(at("2026-03-02T07:00"))).isFalse();
        assertThat(OFFICE.isOpen(at("2026-03-07T09:00"))).isFalse(); // Saturday
        assertThat(OFFICE.isOpen(at("2026-03-08T09:00"))).isFalse(); // Sunday
    }

    @Test
    void the_next_opening_is_now_when_open_after_lunch_and_on_monday_after_a_weekend() {
        assertThat(OFFICE.nextOpening(at("2026-03-02T09:00"))).isEqualTo(at("2026-03-02T09:00"));
        assertThat(OFFICE.nextOpening(at("2026-03-02T12:00"))).isEqualTo(at("2026-03-02T13:30"));
        assertThat(OFFICE.nextOpening(at("2026-03-02T06:00"))).isEqualTo(at("2026-03-02T07:30"));
        assertThat(OFFICE.nextOpening(at("2026-03-06T17:00"))).isEqualTo(at("2026-03-09T07:30")); // Friday evening
        assertThat(OFFICE.nextOpening(at("2026-03-07T10:00"))).isEqualTo(at("2026-03-09T07:30")); // Saturday
        assertThat(OFFICE.nextOpening(at("2026-03-08T23:59"))).isEqualTo(at("2026-03-09T07:30")); // Sunday night
    }

    @Test
    void working_time_counts_only_opening_hours_across_lunch_nights_and_weekends() {
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T09:00"), at("2026-03-02T10:00"))).isEqualTo(Duration.ofHours(1));
        // 09:00-11:30 and 13:30-14:00
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T09:00"), at("2026-03-02T14:00"))).isEqualTo(Duration.ofHours(3));
        // Friday 16:00-17:00, then Monday 07:30-10:00
        assertThat(OFFICE.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T10:00"))).isEqualTo(Duration.ofMinutes(210));
        // A whole week is 5 x 7.5 hours
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T00:00"), at("2026-03-09T00:00"))).isEqualTo(Duration.ofMinutes(5 * 450));
        assertThat(OFFICE.workingTimeBetween(at("2026-03-07T08:00"), at("2026-03-08T18:00"))).isZero();
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T10:00"), at("2026-03-02T09:00"))).isZero();
    }

    @Test
    void adding_working_time_skips_closed_hours() {
        // Four working hours from Monday 09:00: 2.5 h before lunch, 1.5 h after -> 15:00.
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-02T15:00"));
        // From Friday 16:00: 1 h on Friday, 3 h on Monday from 07:30 -> Monday 10:30.
        assertThat(OFFICE.plusWorkingTime(at("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-09T10:30"));
        // From Saturday: counted from Monday's opening.
        assertThat(OFFICE.plusWorkingTime(at("2026-03-07T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-09T11:30"));
    }

    @Test
    void a_service_points_own_week_replaces_the_office_day() {
        WeeklyHours weekend = new WeeklyHours(Map.of(DayOfWeek.SATURDAY, List.of(new WeeklyHours.Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)))));
        assertThat(weekend.isOpen(at("2026-03-07T09:00"))).isTrue();
        assertThat(weekend.isOpen(at("2026-03-02T09:00"))).isFalse();
        assertThat(weekend.nextOpening(at("2026-03-07T12:00"))).isEqualTo(at("2026-03-14T08:00"));
        assertThat(weekend.workingTimeBetween(at("2026-03-01T00:00"), at("2026-03-15T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> new WeeklyHours(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeeklyHours.Interval(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekly_shifts_may_run_past_midnight_and_dated_shifts_cover_whole_days() {
        Rota.Shift night = new Rota.Shift(1, 1, "A", DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(7, 30), null, null);
        assertThat(night.covers(at("2026-03-02T17:00"))).isTrue();
        assertThat(night.covers(at("2026-03-02T23:59"))).isTrue();
        assertThat(night.covers(at("2026-03-03T07:29"))).isTrue(); // Tuesday morning
        assertThat(night.covers(at("2026-03-03T07:30"))).isFalse();
        assertThat(night.covers(at("2026-03-02T16:59"))).isFalse();
        assertThat(night.covers(at("2026-03-09T03:00"))).isFalse(); // Monday early morning belongs to Sunday's night
        Rota.Shift sundayNight = new Rota.Shift(2, 1, "A", DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(6, 0), null, null);
        assertThat(sundayNight.covers(at("2026-03-09T03:00"))).isTrue();
        Rota.Shift holiday = new Rota.Shift(3, 1, "A", null, null, null, LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1));
        assertThat(holiday.covers(at("2026-04-30T00:00"))).isTrue();
        assertThat(holiday.covers(at("2026-05-01T23:59"))).isTrue();
        assertThat(holiday.covers(at("2026-05-02T00:00"))).isFalse();
    }
}
