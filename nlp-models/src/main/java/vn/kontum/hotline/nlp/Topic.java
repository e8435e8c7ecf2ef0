package vn.kontum.hotline.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a message is about. The labels are the exact names used in the API, statistics and the command line. */
public enum Topic {
    VIOLENCE("violence"),
    TRAFFICKING("trafficking"),
    SAFE_DELIVERY("safe_delivery"),
    SAVINGS_LOANS("savings_loans"),
    OTHER("other");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Topic> fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.label.equals(wanted)).findFirst();
    }

    public static Topic ofLabel(String label) {
        return fromLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown label: " + label));
    }
}
