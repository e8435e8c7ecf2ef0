package vn.kontum.hotline.nlp.text;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/** Removes Vietnamese diacritics (đ -> d), the way people type on a phone without a Vietnamese keyboard. */
public final class Folding {

    /**
     * Each character below U+2000 (Latin with every Vietnamese letter, Greek, Cyrillic, the combining marks) folded
     * on its own, worked out once with {@link #foldSlowly}: folding runs for every syllable of every message, and
     * the Unicode decomposition behind it was among the largest allocations of every message. Removing
     * the marks after decomposing a string is the same as removing them character by character, since reordering
     * only moves marks; characters for which that may not hold (spacing and enclosing marks) take the slow way.
     */
    private static final int TABLE_SIZE = 0x2000;
    private static final char DROP = '\uFFFF';
    private static final char SLOW = '\uFFFE';
    private static final char[] TABLE = table();

    private Folding() {
    }

    public static String fold(String text) {
        @Nullable StringBuilder out = null; // made only once something changes
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = c < 0x80 ? c : c < TABLE_SIZE ? TABLE[c] : SLOW;
            if (folded == SLOW) {
                return foldSlowly(text);
            }
            if (folded != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && folded != DROP) {
                out.append(folded);
            }
        }
        return out == null ? text : out.toString();
    }

    static String foldSlowly(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                default -> c;
            });
        }
        return out.toString();
    }

    private static char[] table() {
        char[] table = new char[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            String folded = foldSlowly(String.valueOf(c));
            boolean plainMarksOnly = decomposed.chars().noneMatch(d -> Character.getType(d) == Character.COMBINING_SPACING_MARK
                    || Character.getType(d) == Character.ENCLOSING_MARK);
            table[c] = !plainMarksOnly || folded.length() > 1 ? SLOW : folded.isEmpty() ? DROP : folded.charAt(0);
        }
        return table;
    }
}
