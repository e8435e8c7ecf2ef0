package vn.kontum.hotline.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In a village of a few hundred people a count of one can name a woman. A cell with a count from 1 to
 * threshold-1 is hidden ({@link StatsReport#HIDDEN}). A hidden count must not come back by subtraction either: wherever
 * the report lets a reader add cells up to a figure she sees (a table to its total, a commune's villages to the
 * commune), no such sum may hold exactly one hidden cell, so the next smallest cell of the sum is hidden as
 * well, over and over until every sum holds none or two or more. When a sum has no other cell to hide (a period
 * with one single place) the place is left out of the table: its count is then known, but not where it was.
 * <p>
 * A table that lists every place, cases or not, hides its zeros as well ({@link #zerosHidden()}): were they shown,
 * a hidden row would still say that at least one woman came forward from there.
 */
final class SmallCountSuppression {

    enum Shown { VALUE, HIDDEN, LEFT_OUT }

    private final int threshold;
    private final boolean zerosHidden;

    SmallCountSuppression(int threshold) {
        this(threshold, false);
    }

    private SmallCountSuppression(int threshold, boolean zerosHidden) {
        this.threshold = threshold;
        this.zerosHidden = zerosHidden;
    }

    /** The same, a zero hidden like a count from 1 to threshold-1. */
    SmallCountSuppression zerosHidden() {
        return new SmallCountSuppression(threshold, true);
    }

    /**
     * How each cell may be shown. {@code sums}: the cells (indexes into {@code values}) that the reader can add
     * up to a figure she knows, or that add up to another of their own members (a commune and its villages).
     */
    Shown[] decide(long[] values, List<int[]> sums) {
        return decide(values, sums, Map.of());
    }

    /**
     * As {@link #decide(long[], List)}, and a cell left out takes with it the cells {@code leftOutWith} gives for
     * it: a commune's villages, whose rows would otherwise say where its count was.
     */
    Shown[] decide(long[] values, List<int[]> sums, Map<Integer, int[]> leftOutWith) {
        Shown[] shown = new Shown[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = (values[i] > 0 || zerosHidden) && values[i] < threshold ? Shown.HIDDEN : Shown.VALUE;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] sum : sums) {
                int hidden = 0;
                int lone = -1;
                int next = -1;
                for (int m : sum) {
                    if (shown[m] == Shown.HIDDEN) {
                        hidden++;
                        lone = m;
                    } else if (shown[m] == Shown.VALUE && values[m] > 0 && (next < 0 || values[m] < values[next])) {
                        next = m;
                    }
                }
                if (hidden == 1) {
                    // A left-out cell's count is known but not its place: it protects nothing, and needs nothing.
                    if (next >= 0) {
                        shown[next] = Shown.HIDDEN;
                    } else {
                        leaveOut(lone, shown, leftOutWith);
                    }
                    changed = true;
                }
            }
        }
        return shown;
    }

    private static void leaveOut(int cell, Shown[] shown, Map<Integer, int[]> leftOutWith) {
        shown[cell] = Shown.LEFT_OUT;
        for (int other : leftOutWith.getOrDefault(cell, new int[0])) {
            if (shown[other] != Shown.LEFT_OUT) {
                leaveOut(other, shown, leftOutWith);
            }
        }
    }

    /** The cells of one table whose total is shown, as they may be shown, in the order given; left-out cells absent. */
    Map<String, String> apply(Map<String, Long> cells) {
        List<String> keys = new ArrayList<>(cells.keySet());
        long[] values = keys.stream().mapToLong(cells::get).toArray();
        int[] all = new int[values.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Shown[] shown = decide(values, List.<int[]>of(all));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (shown[i] != Shown.LEFT_OUT) {
                out.put(keys.get(i), shown[i] == Shown.HIDDEN ? hiddenLabel() : Long.toString(values[i]));
            }
        }
        return out;
    }

    /**
     * Not "&lt;threshold": a cell hidden to protect another may hold any count, and the report must not say less.
     */
    String hiddenLabel() {
        return StatsReport.HIDDEN;
    }

    int threshold() {
        return threshold;
    }
}
