package vn.kontum.hotline.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Messages that say nothing but yes, thanks, hello or a number ("dạ vâng", "chị ơi", "23"), from the project's file
 * {@code small-talk.txt}. The urgency model, cut low for recall, reads most of them as urgent; a woman's "dạ" after an
 * answer must not wake an officer at night or mark her case urgent for good.
 */
public final class SmallTalk {

    private final Set<String> words;

    SmallTalk(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    public static SmallTalk standard() {
        try (InputStream in = Objects.requireNonNull(SmallTalk.class.getResourceAsStream("small-talk.txt"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>();
            TextNormalizer normalizer = TextNormalizer.standard();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    for (String word : line.strip().split("\\s+")) {
                        // As the normaliser writes it, so that a word of the file and of a message compare equal.
                        words.addAll(normalizer.syllables(word));
                    }
                }
            }
            return new SmallTalk(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every syllable is a small-talk word or a number; false for no syllable at all. */
    public boolean only(List<String> syllables) {
        if (syllables.isEmpty()) {
            return false;
        }
        for (String s : syllables) {
            if (!words.contains(s) && !isNumber(s)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String syllable) {
        for (int i = 0; i < syllable.length(); i++) {
            if (!Character.isDigit(syllable.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
