package vn.kontum.hotline.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.directory.Place;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceFiguresTest {

    private final SmallCountSuppression suppression = new SmallCountSuppression(5);

    @Test
    void a_hidden_village_cannot_be_worked_out_from_its_commune() {
        // Hòa Bình 13 = village 1 (10) + village 2 (3): with village 1 shown, village 2 = 13 - 10.
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-1", "Thôn 1"), 10L);
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-2", "Thôn 2"), 3L);
        places.put(village("kroong", "Xã Kroong", "kr-9", "Thôn 9"), 6L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.communes()).containsEntry("Xã Hòa Bình", "13").containsEntry("Xã Kroong", "6");
        assertThat(shown.villages()).containsEntry("Thôn 2", "hidden").containsEntry("Thôn 1", "hidden").containsEntry("Thôn 9", "6");
    }

    @Test
    void every_place_of_the_directory_has_its_row_and_one_without_cases_reads_like_one_with_a_few() {
        // Were only the places with cases listed, "Thôn 1: hidden" would say that a woman of Thôn 1 came forward.
        Map<Place, List<Place>> directory = new LinkedHashMap<>();
        directory.put(new Place("kroong", "Xã Kroong"), List.of(new Place("kr-1", "Thôn 1"), new Place("kr-2", "Thôn 2")));
        directory.put(new Place("hoa-binh", "Xã Hòa Bình"), List.of(new Place("hb-3", "Thôn 3"), new Place("hb-4", "Thôn 4")));
        directory.put(new Place("ia-chim", "Xã Ia Chim"), List.of(new Place("ic-5", "Thôn 5")));
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("kroong", "Xã Kroong", "kr-1", "Thôn 1"), 2L);
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-3", "Thôn 3"), 10L);
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-4", "Thôn 4"), 7L);

        PlaceFigures.Shown shown = PlaceFigures.of(places, directory, suppression);

        assertThat(shown.communes()).containsExactly(Map.entry("Xã Hòa Bình", "17"), Map.entry("Xã Ia Chim", "hidden"),
                Map.entry("Xã Kroong", "hidden"));
        assertThat(shown.villages()).containsExactly(Map.entry("Thôn 1", "hidden"), Map.entry("Thôn 2", "hidden"),
                Map.entry("Thôn 3", "10"), Map.entry("Thôn 4", "7"), Map.entry("Thôn 5", "hidden"));
    }

    @Test
    void a_single_small_place_is_not_named_since_the_total_gives_its_count() {
        Map<Counts.Place, Long> places = Map.of(village("kroong", "Xã Kroong", "kr-1", "Thôn 1"), 2L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.communes()).isEmpty();
        assertThat(shown.villages()).isEmpty();
    }

    @Test
    void a_commune_left_out_leaves_its_villages_out_too() {
        // The only commune: its 3 cases are the total. Its villages listed as hidden would say they are Kroong's.
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("kroong", "Xã Kroong", "kr-1", "Thôn 1"), 1L);
        places.put(village("kroong", "Xã Kroong", "kr-2", "Thôn 2"), 2L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.communes()).isEmpty();
        assertThat(shown.villages()).isEmpty();
    }

    @Test
    void a_commune_hidden_to_protect_another_does_not_come_back_as_the_sum_of_its_villages() {
        // Kroong (3) is hidden, so Ngô Mây (7) is hidden with it; were Ngô Mây's one village shown, Ngô Mây would be
        // 7 again, and Kroong 32 - 22 - 7.
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-1", "Thôn 1"), 20L);
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-2", "Thôn 2"), 2L);
        places.put(village("kroong", "Xã Kroong", "kr-1", "Thôn 1 Kroong"), 3L);
        places.put(village("ngo-may", "Phường Ngô Mây", "nm-1", "Thôn 1 Ngô Mây"), 7L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.communes()).containsEntry("Xã Kroong", "hidden").containsEntry("Phường Ngô Mây", "hidden").containsEntry("Xã Hòa Bình", "22");
        assertThat(shown.villages()).containsEntry("Thôn 1 Ngô Mây", "hidden").containsEntry("Thôn 1 Kroong", "hidden");
    }

    @Test
    void villages_of_the_same_name_in_two_communes_are_counted_apart_with_their_commune_beside() {
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("hoa-binh", "Xã Hòa Bình", "hb-1", "Thôn 1"), 6L);
        places.put(village("kroong", "Xã Kroong", "kr-1", "Thôn 1"), 8L);
        places.put(village("kroong", "Xã Kroong", "kr-2", "Thôn 2"), 5L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.villages()).containsEntry("Thôn 1 – Xã Hòa Bình", "6").containsEntry("Thôn 1 – Xã Kroong", "8")
                .containsEntry("Thôn 2", "5").doesNotContainKey("Thôn 1");
    }

    @Test
    void two_communes_of_the_same_name_keep_their_rows_each_with_its_id_beside_and_their_villages_with_it() {
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("ia-chim", "Xã Ia Chim", "ic-1", "Thôn 1"), 30L);
        places.put(village("ia-chim-2", "Xã Ia Chim", "ic2-1", "Thôn 1"), 2L);
        places.put(village("kroong", "Xã Kroong", "kr-1", "Thôn 1"), 0L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.communes()).containsOnly(Map.entry("Xã Ia Chim (ia-chim)", "30"), Map.entry("Xã Ia Chim (ia-chim-2)", "hidden"),
                Map.entry("Xã Kroong", "hidden"));
        assertThat(shown.villages()).containsOnly(Map.entry("Thôn 1 – Xã Ia Chim (ia-chim)", "30"),
                Map.entry("Thôn 1 – Xã Ia Chim (ia-chim-2)", "hidden"), Map.entry("Thôn 1 – Xã Kroong", "hidden"));
    }

    @Test
    void a_village_named_like_the_cases_without_a_place_is_not_taken_for_them_nor_two_of_one_name_in_one_commune_for_one() {
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("kroong", "Xã Kroong", "kr-1", "?"), 6L);
        places.put(village("kroong", "Xã Kroong", "kr-2", "Thôn 2"), 8L);
        places.put(village("kroong", "Xã Kroong", "kr-3", "Thôn 2"), 9L);
        places.put(new Counts.Place(null, null, null, null), 7L);

        PlaceFigures.Shown shown = of(places);

        assertThat(shown.villages()).containsOnly(Map.entry("? – Xã Kroong", "6"), Map.entry("Thôn 2 – Xã Kroong", "8"),
                Map.entry("Thôn 2 – Xã Kroong (2)", "9"), Map.entry("?", "7"));
        assertThat(shown.communes()).containsExactly(Map.entry("Xã Kroong", "23"), Map.entry("?", "7"));
    }

    @Test
    void places_are_in_vietnamese_alphabetical_order_with_the_cases_without_a_place_last() {
        Map<Counts.Place, Long> places = new LinkedHashMap<>();
        places.put(village("dak-cam", "Xã Đăk Cấm", "dc-10", "Thôn 10"), 5L);
        places.put(village("dak-bla", "Xã Dăk Blà", "db-2", "Thôn 2"), 6L);
        places.put(village("chu-hreng", "xã Chư Hreng", "ch-1", "Làng Kon Rơ Wang"), 7L);
        places.put(village("ea", "Xã Ea Tam", "ea-1", "Đăk Ri"), 8L);
        places.put(village("ea", "Xã Ea Tam", "ea-2", "Dak Ro"), 9L);
        places.put(new Counts.Place(null, null, null, null), 10L);

        PlaceFigures.Shown shown = of(places);

        // Plain string order put "?" first, "Xã" after "xã", "Đ" after every Latin letter and "Thôn 10" before "Thôn 2".
        assertThat(shown.communes().keySet()).containsExactly("xã Chư Hreng", "Xã Dăk Blà", "Xã Đăk Cấm", "Xã Ea Tam", "?");
        assertThat(shown.villages().keySet()).containsExactly("Dak Ro", "Đăk Ri", "Làng Kon Rơ Wang", "Thôn 2", "Thôn 10", "?");
    }

    /** The figures with a directory of the places counted and no other. */
    private PlaceFigures.Shown of(Map<Counts.Place, Long> places) {
        Map<Place, List<Place>> directory = new LinkedHashMap<>();
        places.keySet().stream().filter(p -> p.communeId() != null).forEach(p -> {
            List<Place> villages = directory.computeIfAbsent(new Place(p.communeId(), p.communeName()), c -> new ArrayList<>());
            if (p.villageId() != null) {
                villages.add(new Place(p.villageId(), p.villageName()));
            }
        });
        return PlaceFigures.of(places, directory, suppression);
    }

    private static Counts.Place village(String communeId, String commune, String villageId, String village) {
        return new Counts.Place(communeId, commune, villageId, village);
    }
}
