package vn.kontum.hotline.admin.live;

import java.util.Locale;
import java.util.Optional;

/**
 * What the officers' pages are told about a case: what happened, and to which case. The service point the case
 * belongs to now travels between nodes for the server's check and never reaches a browser. Never any text.
 */
record CaseNews(Kind kind, long caseId, String servicePointId) {

    enum Kind {
        /** A new case, or one that has just been transferred to the service point. */
        CASE,
        /** A new message from the woman. */
        MESSAGE,
        /** A reply's delivery state changed. */
        DELIVERY,
        /** The case was opened as urgent or became urgent. */
        URGENT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Between nodes, on Redis: {@code kind caseId servicePointId}. */
    String encode() {
        return kind.wire() + ' ' + caseId + ' ' + servicePointId;
    }

    static Optional<CaseNews> decode(String text) {
        String[] parts = text.split(" ", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CaseNews(Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)), Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a browser gets: the kind and the case id, a few dozen bytes. */
    String browserData() {
        return "{\"kind\":\"" + kind.wire() + "\",\"case\":" + caseId + "}";
    }
}
