package vn.kontum.hotline.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a reply into the messages it is sent as: first at every {@link #MESSAGE_BREAK}, then, where a message is
 * longer than a channel allows, into parts that read well on a phone: at the end of a paragraph or sentence when one
 * falls in the second half of the allowed length, else between words, and only as a last resort inside a word
 * (never inside a surrogate pair).
 */
public final class TextParts {

    /**
     * Two blank lines end a message: what follows is sent as a message of its own (the bot's answer, then its
     * question). Where a reply is shown rather than sent (the officers' pages) it reads as a wider gap between
     * paragraphs; the web chat shows each message in a bubble of its own.
     */
    public static final String MESSAGE_BREAK = "\n\n\n";
    /** Two blank lines or more, spaces on them or not, as an officer's reply may hold them too. */
    private static final Pattern BREAKS = Pattern.compile("\n(?:[ \t\r]*\n){2,}\\s*");

    private TextParts() {
    }

    public static List<String> split(String text, int maxLength) {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        List<String> parts = new ArrayList<>();
        for (String message : BREAKS.split(text.strip())) {
            cut(message.strip(), maxLength, parts);
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    /** The messages of a reply as the woman receives them, before any channel's limit. */
    public static List<String> messages(String text) {
        return split(text, Integer.MAX_VALUE);
    }

    private static void cut(String text, int maxLength, List<String> parts) {
        String rest = text;
        while (rest.length() > maxLength) {
            int cut = cutPoint(rest, maxLength);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
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
