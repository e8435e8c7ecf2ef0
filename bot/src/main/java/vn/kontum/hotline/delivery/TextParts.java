package vn.kontum.hotline.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text that is longer than a channel allows into parts that read well on a phone: at the end of a
 * paragraph or sentence when one falls in the second half of the allowed length, else between words, and only
 * as a last resort inside a word (never inside a surrogate pair).
 */
public final class TextParts {

    private TextParts() {
    }

    public static List<String> split(String text, int maxLength) {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxLength) {
            int cut = cutPoint(rest, maxLength);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int maxLength) {
        int floor = maxLength / 2;
        int paragraph = text.lastIndexOf('\n', maxLength - 1);
        if (paragraph >= floor) {
            return paragraph + 1;
        }
        for (int i = maxLength - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        for (int i = maxLength; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(maxLength)) ? maxLength - 1 : maxLength;
    }
}
