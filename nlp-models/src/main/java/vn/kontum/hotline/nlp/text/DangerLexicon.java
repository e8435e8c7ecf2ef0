package vn.kontum.hotline.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Phrases that mean someone is in danger now ("đang đánh", "chảy máu nhiều", "bị nhốt"), from the project's
 * file {@code danger-phrases.txt}. Matched on the diacritic-folded syllables, so "dang danh" counts too.
 * It backs up the urgency model: for urgency, missing a woman in danger costs far more than a false alarm.
 */
public final class DangerLexicon {

    /** Phrases with a "*" for any one word between, such as "không cho * ra" ("không cho em ra", "ko cho con ra"). */
    private static final String ANY_WORD = "*";

    private final List<String> phrases;
    private final List<Gapped> gapped;

    /** A phrase with a gap: {@code start}, the words before the first gap, is looked for first, without the pattern. */
    private record Gapped(String start, Pattern pattern) {
    }

    DangerLexicon(List<String> phrases) {
        this.phrases = phrases.stream().filter(p -> !p.contains(" " + ANY_WORD + " ")).toList();
        this.gapped = phrases.stream().filter(p -> p.contains(" " + ANY_WORD + " "))
                .map(p -> new Gapped(p.substring(0, p.indexOf(" " + ANY_WORD + " ") + 1), pattern(p))).toList();
    }

    /** " khong cho * ra " -> " khong cho [^ ]+ ra ", on the folded text with a space around each word. */
    private static Pattern pattern(String phrase) {
        StringBuilder regex = new StringBuilder();
        for (String word : phrase.strip().split(" ")) {
            regex.append(' ').append(word.equals(ANY_WORD) ? "[^ ]+" : Pattern.quote(word));
        }
        return Pattern.compile(regex.append(' ').toString());
    }

    public static DangerLexicon standard() {
        try (InputStream in = Objects.requireNonNull(DangerLexicon.class.getResourceAsStream("danger-phrases.txt"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> phrases = new ArrayList<>();
            TextNormalizer normalizer = TextNormalizer.standard();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    // Word by word, so that the normaliser, which drops punctuation, leaves each "*" alone.
                    phrases.add(" " + String.join(" ", Arrays.stream(line.strip().split("\\s+"))
                            .map(word -> word.equals(ANY_WORD) ? word : folded(normalizer, word)).toList()) + " ");
                }
            }
            return new DangerLexicon(phrases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folded(TextNormalizer normalizer, String word) {
        return String.join(" ", normalizer.syllables(Folding.fold(word)).stream().map(Folding::fold).toList());
    }

    /** True when the normalised syllables hold one of the danger phrases. */
    public boolean matches(List<String> syllables) {
        StringBuilder folded = new StringBuilder(" ");
        for (String s : syllables) {
            folded.append(Folding.fold(s)).append(' ');
        }
        String text = folded.toString();
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        for (Gapped phrase : gapped) {
            if (text.contains(phrase.start()) && phrase.pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return phrases.size() + gapped.size();
    }
}
