package vn.kontum.hotline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cases by commune and by village as the report shows them: counted by id (villages of the same name in two
 * communes stay apart, the commune beside their name), and hidden together so that no small count comes back by
 * subtraction. The sums a reader has: the communes add up to the cases opened, so do the villages (with the cases
 * whose village was not given), and a commune's villages add up to the commune, less its cases without a village,
 * which she is assumed to know.
 */
final class PlaceFigures {

    /** The key of the cases whose place was not given; the page and the exports name it from the message bundle. */
    static final String NOT_GIVEN = StatsReport.PLACE_NOT_GIVEN;

    /** Alphabetical (Vietnamese), the cases whose place was not given last. */
    static final Comparator<String> IN_ORDER = Comparator.<String, Boolean>comparing(NOT_GIVEN::equals).thenComparing(PlaceOrder.NAMES);

    /** The tables in {@link #IN_ORDER}. */
    record Shown(Map<String, String> communes, Map<String, String> villages) {
    }

    private PlaceFigures() {
    }

    static Shown of(Map<Counts.Place, Long> byPlace, SmallCountSuppression suppression) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        Map<String, Integer> communeCell = new LinkedHashMap<>();
        Map<String, Integer> villageCell = new LinkedHashMap<>();
        Map<String, Counts.Place> villages = new HashMap<>();
        Map<String, List<Integer>> villagesOfCommune = new HashMap<>();
        byPlace.forEach((place, n) -> {
            String commune = place.communeId() == null ? NOT_GIVEN : place.communeId();
            int c = communeCell.computeIfAbsent(commune, k -> add(labels, values, place.communeId() == null ? NOT_GIVEN
                    : Objects.requireNonNullElse(place.communeName(), place.communeId())));
            values.set(c, values.get(c) + n);
            String village = place.villageId() == null ? NOT_GIVEN : place.villageId();
            int v = villageCell.computeIfAbsent(village, k -> add(labels, values, NOT_GIVEN));
            values.set(v, values.get(v) + n);
            if (place.villageId() != null) {
                villages.put(village, place);
                villagesOfCommune.computeIfAbsent(commune, k -> new ArrayList<>()).add(v);
            }
        });
        villageLabels(villages, villageCell, labels);

        // Each commune's villages first: a cell hidden there often serves the whole table too, and less is hidden.
        List<int[]> sums = new ArrayList<>();
        villagesOfCommune.forEach((commune, cells) -> {
            List<Integer> members = new ArrayList<>(cells);
            members.add(communeCell.get(commune));
            sums.add(members.stream().mapToInt(Integer::intValue).toArray());
        });
        sums.add(villageCell.values().stream().mapToInt(Integer::intValue).toArray());
        sums.add(communeCell.values().stream().mapToInt(Integer::intValue).toArray());
        // The cases without a village are those without a commune and the communes' own: the two not-given rows go together.
        Integer noCommune = communeCell.get(NOT_GIVEN);
        Integer noVillage = villageCell.get(NOT_GIVEN);
        if (noCommune != null && noVillage != null) {
            sums.add(new int[] {noCommune, noVillage});
        }

        long[] counts = values.stream().mapToLong(Long::longValue).toArray();
        SmallCountSuppression.Shown[] shown = suppression.decide(counts, sums);
        return new Shown(table(communeCell, labels, counts, shown, suppression), table(villageCell, labels, counts, shown, suppression));
    }

    private static int add(List<String> labels, List<Long> values, String label) {
        labels.add(label);
        values.add(0L);
        return labels.size() - 1;
    }

    /** A village's name, and its commune beside it where another village of the report has the same name. */
    private static void villageLabels(Map<String, Counts.Place> villages, Map<String, Integer> villageCell, List<String> labels) {
        Map<String, Long> sameName = new HashMap<>();
        villages.values().forEach(p -> sameName.merge(name(p), 1L, Long::sum));
        villages.forEach((id, p) -> labels.set(villageCell.get(id), sameName.get(name(p)) > 1
                ? name(p) + " – " + Objects.requireNonNullElse(p.communeName(), NOT_GIVEN) : name(p)));
    }

    private static String name(Counts.Place p) {
        return Objects.requireNonNullElse(p.villageName(), Objects.requireNonNull(p.villageId()));
    }

    private static Map<String, String> table(Map<String, Integer> cells, List<String> labels, long[] counts,
                                             SmallCountSuppression.Shown[] shown, SmallCountSuppression suppression) {
        List<Integer> rows = new ArrayList<>(cells.values());
        rows.sort(Comparator.comparing(labels::get, IN_ORDER));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i : rows) {
            if (shown[i] != SmallCountSuppression.Shown.LEFT_OUT) {
                out.put(labels.get(i), shown[i] == SmallCountSuppression.Shown.HIDDEN ? suppression.hiddenLabel() : Long.toString(counts[i]));
            }
        }
        return out;
    }
}
