package vn.kontum.hotline.stats;

import java.text.CollationKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One label per row for tables counted by id and shown by label: two places of the same name must not become one
 * row, nor a place named like the cases whose place was not given ({@link StatsReport#PLACE_NOT_GIVEN}) become
 * those. A name shared gets what tells it apart beside it; a label still shared, a number.
 */
final class UniqueLabels {

    private UniqueLabels() {
    }

    /** {@code names} and the labels returned by id; {@code apart}: by id, what to put beside a shared name. */
    static Map<String, String> of(Map<String, String> names, Function<String, String> apart) {
        CollationKey notGiven = PlaceOrder.sameness(StatsReport.PLACE_NOT_GIVEN);
        Map<CollationKey, Integer> uses = new HashMap<>();
        uses.put(notGiven, 1);
        names.values().forEach(name -> uses.merge(PlaceOrder.sameness(name), 1, Integer::sum));
        // By id: the numbers, where one is needed, do not depend on the order the rows were read in.
        Map<String, String> out = new TreeMap<>();
        names.forEach((id, name) -> out.put(id, uses.get(PlaceOrder.sameness(name)) > 1 ? name + apart.apply(id) : name));
        Set<CollationKey> taken = new HashSet<>(Set.of(notGiven));
        out.replaceAll((id, label) -> {
            String unique = label;
            for (int n = 2; !taken.add(PlaceOrder.sameness(unique)); n++) {
                unique = label + " (" + n + ")";
            }
            return unique;
        });
        return out;
    }
}
