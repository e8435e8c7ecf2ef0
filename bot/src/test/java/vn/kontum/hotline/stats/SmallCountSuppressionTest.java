package vn.kontum.hotline.stats;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCountSuppressionTest {

    private final SmallCountSuppression suppression = new SmallCountSuppression(5);

    @Test
    void counts_from_one_to_four_are_hidden_zero_and_five_are_not() {
        Map<String, String> shown = suppression.apply(cells("A", 0L, "B", 1L, "C", 4L, "D", 5L, "E", 12L));

        assertThat(shown).containsEntry("A", "0").containsEntry("B", "hidden").containsEntry("C", "hidden")
                .containsEntry("D", "5").containsEntry("E", "12");
    }

    @Test
    void a_single_hidden_cell_cannot_be_worked_out_from_the_total() {
        // Total 23 is published: without a second hidden cell, B = 23 - 12 - 8 = 3.
        Map<String, String> shown = suppression.apply(cells("A", 12L, "B", 3L, "C", 8L));

        assertThat(shown).containsEntry("B", "hidden").containsEntry("C", "hidden").containsEntry("A", "12");
    }

    @Test
    void a_table_with_a_single_small_cell_leaves_it_out_since_its_total_says_it() {
        // Service points of an officer's scope: one trusted address with 2 cases, total 2.
        assertThat(suppression.apply(cells("Địa chỉ tin cậy Kroong", 2L))).isEmpty();
        assertThat(suppression.apply(cells("Địa chỉ tin cậy Kroong", 2L, "Trạm y tế", 0L))).containsOnlyKeys("Trạm y tế");
    }

    @Test
    void a_table_of_every_place_hides_its_zeros_like_its_small_counts() {
        // A zero shown beside "hidden" would tell which places had a woman come forward.
        assertThat(suppression.zerosHidden().apply(cells("Thôn 1", 0L, "Thôn 2", 3L, "Thôn 3", 12L)))
                .containsExactly(Map.entry("Thôn 1", "hidden"), Map.entry("Thôn 2", "hidden"), Map.entry("Thôn 3", "12"));
    }

    @Test
    void the_threshold_is_configurable() {
        assertThat(new SmallCountSuppression(3).apply(cells("A", 2L, "B", 3L, "C", 2L)))
                .containsEntry("A", "hidden").containsEntry("B", "3").containsEntry("C", "hidden");
    }

    private static Map<String, Long> cells(Object... keyValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (Long) keyValues[i + 1]);
        }
        return m;
    }
}
