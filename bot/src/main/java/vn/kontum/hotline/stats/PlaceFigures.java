package vn.kontum.hotline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.directory.Place;

/**
 * The cases by commune and by village as the report shows them: every commune and village of the directory has its
 * row, zeros included and hidden like the small counts, so that a row, hidden or not, never says a woman came
 * forward from there. Counted by id, each row with a label of its own (a village of a name another has, its commune
 * beside it; a commune, its id), and hidden together so that no small count comes back by subtraction. The sums a
 * reader has: the communes add up to the cases opened, so do the villages (with the cases whose village was not
 * given), and a commune's villages add up to the commune, less its cases without a village, which she is assumed to
 * know.
 */
final class PlaceFigures {

    /** The key of the cases whose place was not given; the page and the exports name it from the message bundle. */
    static final String NOT_GIVEN = StatsReport.PLACE_NOT_GIVEN;

    /** Alphabetical (Vietnamese), the cases whose place was not given last. */
    static final Comparator<String> IN_ORDER = Comparator.<String, Boolean>comparing(NOT_GIVEN::equals).thenComparing(PlaceOrder.NAMES);

    /** The tables in {@link #IN_ORDER}. */
    record Shown(Map<String, String> communes, Map<String, String> villages) {
    }

    private final List<String> labels = new ArrayList<>();
    private final List<Long> values = new ArrayList<>();
    /** By commune (village) id, null for the cases whose commune (village) was not given. */
    private final Map<@Nullable String, Integer> communeCell = new LinkedHashMap<>();
    private final Map<@Nullable String, Integer> villageCell = new LinkedHashMap<>();
    private final Map<String, String> communeNames = new HashMap<>();
    private final Map<String, Counts.Place> villages = new HashMap<>();
    private final Map<String, Set<Integer>> villagesOfCommune = new LinkedHashMap<>();

    private PlaceFigures() {
    }

    /** {@code directory}: every commune with its villages, in any order. */
    static Shown of(Map<Counts.Place, Long> byPlace, Map<Place, List<Place>> directory, SmallCountSuppression suppression) {
        PlaceFigures f = new PlaceFigures();
        directory.forEach((commune, itsVillages) -> {
            f.commune(commune.id(), commune.name());
            itsVillages.forEach(v -> f.village(new Counts.Place(commune.id(), commune.name(), v.id(), v.name())));
        });
        // A place no longer in the directory keeps its cases.
        byPlace.forEach((place, n) -> {
            f.add(f.commune(place.communeId(), place.communeName()), n);
            f.add(f.village(place), n);
        });
        f.labels();
        return f.shown(suppression.zerosHidden());
    }

    private Shown shown(SmallCountSuppression suppression) {
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
        Integer noCommune = communeCell.get(null);
        Integer noVillage = villageCell.get(null);
        if (noCommune != null && noVillage != null) {
            sums.add(new int[] {noCommune, noVillage});
        }

        // A commune left out (its count known from the total) leaves its villages out: listed, they would say where.
        Map<Integer, int[]> leftOutWith = new HashMap<>();
        villagesOfCommune.forEach((commune, cells) ->
                leftOutWith.put(communeCell.get(commune), cells.stream().mapToInt(Integer::intValue).toArray()));

        long[] counts = values.stream().mapToLong(Long::longValue).toArray();
        SmallCountSuppression.Shown[] shown = suppression.decide(counts, sums, leftOutWith);
        return new Shown(table(communeCell, counts, shown, suppression), table(villageCell, counts, shown, suppression));
    }

    private int commune(@Nullable String id, @Nullable String name) {
        if (id != null) {
            communeNames.putIfAbsent(id, Objects.requireNonNullElse(name, id));
        }
        return communeCell.computeIfAbsent(id, k -> cell());
    }

    /** The village's cell, counted in its commune's sum (in each commune's it was counted under, should they differ). */
    private int village(Counts.Place place) {
        String id = place.villageId();
        int v = villageCell.computeIfAbsent(id, k -> cell());
        if (id != null) {
            villages.putIfAbsent(id, place);
            if (place.communeId() != null) {
                villagesOfCommune.computeIfAbsent(place.communeId(), k -> new LinkedHashSet<>()).add(v);
            }
        }
        return v;
    }

    /** A cell labelled for the cases whose place was not given, until {@link #labels()} names the places. */
    private int cell() {
        labels.add(NOT_GIVEN);
        values.add(0L);
        return labels.size() - 1;
    }

    private void add(int cell, long n) {
        values.set(cell, values.get(cell) + n);
    }

    /** A commune's name, its id beside it where another commune has the same; a village's, its commune beside it. */
    private void labels() {
        Map<String, String> communeLabels = UniqueLabels.of(communeNames, id -> " (" + id + ")");
        communeLabels.forEach((id, label) -> labels.set(communeCell.get(id), label));
        Map<String, String> villageNames = new HashMap<>();
        villages.forEach((id, p) -> villageNames.put(id, Objects.requireNonNullElse(p.villageName(), id)));
        UniqueLabels.of(villageNames, id -> {
            String commune = villages.get(id).communeId();
            return commune == null ? " (" + id + ")" : " – " + communeLabels.get(commune);
        }).forEach((id, label) -> labels.set(villageCell.get(id), label));
    }

    private Map<String, String> table(Map<@Nullable String, Integer> cells, long[] counts, SmallCountSuppression.Shown[] shown,
                                      SmallCountSuppression suppression) {
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
