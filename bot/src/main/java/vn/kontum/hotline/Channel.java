package vn.kontum.hotline;

import java.util.Locale;

/** Where a conversation happens. Stored in lower case. */
public enum Channel {
    WEB, TELEGRAM, ZALO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
