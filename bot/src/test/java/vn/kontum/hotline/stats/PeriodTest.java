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

    @Test
    void a_period_is_at_most_five_years_and_within_cuts_a_longer_one_to_its_last_five_years_even_to_29_february() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Period(LocalDate.of(2020, 1, 2), LocalDate.of(2025, 1, 2)).to()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(Period.within(LocalDate.of(1900, 1, 1), LocalDate.of(2028, 2, 29)))
                .isEqualTo(new Period(LocalDate.of(2023, 2, 28), LocalDate.of(2028, 2, 29)));
        assertThat(Period.within(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
                .isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)));
    }
}
