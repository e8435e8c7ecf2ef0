package vn.kontum.hotline.stats;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names of places and service points in Vietnamese alphabetical order (Đ after D, ă and â after a), case
 * ignored: the order a reader of the report looks them up in, which plain string order is not.
 */
final class PlaceOrder {

    /** A Collator is safe to share: RuleBasedCollator compares under its own lock. */
    private static final Collator VIETNAMESE = vietnamese();

    static final Comparator<String> NAMES = VIETNAMESE::compare;

    private PlaceOrder() {
    }

    private static Collator vietnamese() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        collator.setStrength(Collator.SECONDARY); // accents count, case does not
        return collator;
    }
}
