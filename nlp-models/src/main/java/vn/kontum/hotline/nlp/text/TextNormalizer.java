package vn.kontum.hotline.nlp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a woman typed into a list of normalised syllables: valid Unicode only, NFC, lower case,
 * one tone placement (hoà and hòa both become hòa), long letter runs shortened ("cứuuuu"), teencode expanded
 * ("ck" -> "chồng"), emoji kept as one token each and punctuation dropped.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TextNormalizer {

    /** Longer texts are cut: the topic is clear long before, and work per message stays bounded. */
    static final int MAX_CHARS = 2_000;

    /** New-style tone marks on the second vowel of an open oa/oe/uy syllable, moved to the first vowel. */
    private static final Map<String, String> TONE_PLACEMENT = Map.ofEntries(
            Map.entry("oà", "òa"), Map.entry("oá", "óa"), Map.entry("oả", "ỏa"), Map.entry("oã", "õa"), Map.entry("oạ", "ọa"),
            Map.entry("oè", "òe"), Map.entry("oé", "óe"), Map.entry("oẻ", "ỏe"), Map.entry("oẽ", "õe"), Map.entry("oẹ", "ọe"),
            Map.entry("uỳ", "ùy"), Map.entry("uý", "úy"), Map.entry("uỷ", "ủy"), Map.entry("uỹ", "ũy"), Map.entry("uỵ", "ụy"));

    private final Teencode teencode;

    public TextNormalizer(Teencode teencode) {
        this.teencode = teencode;
    }

    public static TextNormalizer standard() {
        return new TextNormalizer(Teencode.standard());
    }

    /** The normalised syllables of a text; empty for empty, blank or meaningless input, never an exception. */
    public List<String> syllables(String text) {
        String clean = Normalizer.normalize(validUnicode(text), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < clean.length()) {
            int cp = clean.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
                continue;
            }
            flush(word, out);
            if (isEmoji(cp)) {
                out.add(new String(Character.toChars(cp)));
            }
        }
        flush(word, out);
        return out;
    }

    private void flush(StringBuilder word, List<String> out) {
        if (word.isEmpty()) {
            return;
        }
        String syllable = placeTone(shortenRuns(word.toString()));
        word.setLength(0);
        List<String> expansion = teencode.expand(syllable);
        if (expansion.isEmpty()) {
            out.add(syllable);
        } else {
            out.addAll(expansion);
        }
    }

    /** Drops lone surrogates and control characters; cuts very long texts. */
    static String validUnicode(String text) {
        int limit = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(limit);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        return out.toString();
    }

    /** "cứuuuu" -> "cứu", "điiii" -> "đi", "cuuuu" -> "cuu": letters repeated for emphasis. */
    static String shortenRuns(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            if (run < 3 || Character.isDigit(c)) {
                out.append(word, i, i + run);
            } else {
                char previous = out.isEmpty() ? ' ' : Folding.fold(String.valueOf(out.charAt(out.length() - 1))).charAt(0);
                // Vietnamese has "uu" (cứu, hưu) and "oo" (xoong): keep two of those unless the letter before already is one.
                boolean doubled = (c == 'u' || c == 'o') && previous != c;
                out.append(c);
                if (doubled) {
                    out.append(c);
                }
            }
            i += run;
        }
        return out.toString();
    }

    static String placeTone(String syllable) {
        if (syllable.length() < 2) {
            return syllable;
        }
        String tail = syllable.substring(syllable.length() - 2);
        String moved = TONE_PLACEMENT.get(tail);
        if (moved == null || (tail.charAt(0) == 'u' && syllable.length() > 2 && syllable.charAt(syllable.length() - 3) == 'q')) {
            return syllable;
        }
        return syllable.substring(0, syllable.length() - 2) + moved;
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE;
    }
}
