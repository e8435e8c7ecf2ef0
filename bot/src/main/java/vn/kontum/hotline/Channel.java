package vn.kontum.hotline;

import java.util.Locale;

/**
 * Where a conversation happens. Stored in lower case. PHONE and IN_PERSON are contacts an officer recorded by
 * hand (offline cases): counted in the statistics, never written to.
 */
public enum Channel {
    WEB, TELEGRAM, ZALO, PHONE, IN_PERSON;

    /** Whether the hotline can send to this channel. */
    public boolean messaging() {
        return this == WEB || this == TELEGRAM || this == ZALO;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
