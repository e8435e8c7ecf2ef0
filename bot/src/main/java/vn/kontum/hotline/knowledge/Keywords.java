package vn.kontum.hotline.knowledge;

import java.util.Arrays;
import java.util.List;

import vn.kontum.hotline.nlp.text.Folding;
import vn.kontum.hotline.nlp.text.TextNormalizer;

/**
 * Keyword phrases and messages reduced to the same words: lower case, teencode expanded ("e" -> "em"),
 * diacritics removed, so that "khám thai", "kham thai" and "KHÁM THAI" are one phrase. A phrase is found in a
 * message when its words follow one another there as whole words: "lai" is not found in "lãi suất" alone, only
 * words match words.
 */
final class Keywords {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    private Keywords() {
    }

    /** The phrases of a keyword field: separated by commas, semicolons or new lines; blanks dropped. */
    static List<String> phrases(String field) {
        return Arrays.stream(field.split("[,;\\n\\r]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The folded words of a text or phrase. */
    static List<String> words(String text) {
        return folded(syllables(text));
    }

    /** The words of a text as typed (teencode expanded, diacritics kept). */
    static List<String> syllables(String text) {
        return NORMALIZER.syllables(text);
    }

    static List<String> folded(List<String> syllables) {
        return syllables.stream().map(Folding::fold).toList();
    }

    /** Whether the phrase's words occur in a row in the message's words. */
    static boolean contains(List<String> message, List<String> phrase) {
        if (phrase.isEmpty() || phrase.size() > message.size()) {
            return false;
        }
        outer:
        for (int start = 0; start + phrase.size() <= message.size(); start++) {
            for (int i = 0; i < phrase.size(); i++) {
                if (!message.get(start + i).equals(phrase.get(i))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
