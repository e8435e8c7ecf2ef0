package vn.kontum.hotline.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void days_are_counted_in_vietnam_time() {
        Period may = new Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
        assertThat(may.start()).isEqualTo(OffsetDateTime.parse("2026-04-30T17:00Z"));
        assertThat(may.end()).isEqualTo(OffsetDateTime.parse("2026-05-31T17:00Z"));
    }

    @Test
    void the_presets_end_with_the_last_full_month_before_the_report_is_due() {
        assertThat(Period.sixMonths(2026)).isEqualTo(new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 5, 31)));
        assertThat(Period.annual(2026)).isEqualTo(new Period(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31)));
    }

    @Test
    void a_period_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
