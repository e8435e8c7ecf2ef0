package vn.kontum.hotline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In a village of a few hundred people a count of one can name a woman. A cell with a count from 1 to
 * threshold-1 is shown as "&lt;threshold". When the total is shown too, a single hidden cell could be worked
 * out by subtraction, so the next smallest cell is hidden as well.
 */
final class SmallCountSuppression {

    private final int threshold;

    SmallCountSuppression(int threshold) {
        this.threshold = threshold;
    }

    /** The cells as they may be shown, in the order given. */
    Map<String, String> apply(Map<String, Long> cells) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        cells.forEach((key, n) -> {
            if (n > 0 && n < threshold) {
                hidden.add(key);
                shown.put(key, hiddenLabel());
            } else {
                shown.put(key, Long.toString(n));
            }
        });
        if (hidden.size() == 1) {
            // Complementary suppression: with the total visible, one hidden cell equals total minus the others.
            cells.entrySet().stream()
                    .filter(e -> !hidden.contains(e.getKey()) && e.getValue() > 0)
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .ifPresent(e -> shown.put(e.getKey(), hiddenLabel()));
        }
        return shown;
    }

    String hiddenLabel() {
        return "<" + threshold;
    }
}
