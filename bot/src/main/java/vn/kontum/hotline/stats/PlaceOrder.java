package vn.kontum.hotline.stats;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names of places and service points in Vietnamese alphabetical order (Đ after D, ă and â after a), case
 * ignored, numbers by their value (Thôn 2 before Thôn 10): the order a reader of the report looks them up in,
 * which plain string order is not.
 */
final class PlaceOrder {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A Collator is safe to share: RuleBasedCollator compares under its own lock. */
    private static final Collator VIETNAMESE = vietnamese();

    /** Names equal but for case or digits' padding keep a fixed order after all, so that none is taken for another. */
    static final Comparator<String> NAMES = Comparator.comparing(PlaceOrder::padded, VIETNAMESE::compare)
            .thenComparing(Comparator.naturalOrder());

    private PlaceOrder() {
    }

    /** Equal for names a reader takes for the same: equal but for case, digits' padding or spaces at the ends. */
    static CollationKey sameness(String name) {
        return VIETNAMESE.getCollationKey(padded(name.strip()));
    }

    /** The rows of a table by name, in this order. */
    static <V> Map<String, V> sorted(Map<String, V> rows) {
        Map<String, V> out = new LinkedHashMap<>();
        rows.keySet().stream().sorted(NAMES).forEach(k -> out.put(k, rows.get(k)));
        return out;
    }

    /** Numbers padded to ten digits, so that the collator's order of digits is their value's. */
    private static String padded(String name) {
        return NUMBER.matcher(name).replaceAll(m -> "0".repeat(Math.max(0, 10 - m.group().length())) + m.group());
    }

    private static Collator vietnamese() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        collator.setStrength(Collator.SECONDARY); // accents count, case does not
        return collator;
    }
}
