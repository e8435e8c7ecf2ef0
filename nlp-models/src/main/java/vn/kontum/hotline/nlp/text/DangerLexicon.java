package vn.kontum.hotline.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A line "!giết lợn": an exception, read with its diacritics, whose words no phrase may match ("giết"). */
    private static final String EXCEPTION = "!";

    /** What an exception's words become before the phrases are looked for: no folded word is spelled so. */
    private static final String MASK = "!";

    private final List<String> phrases;
    private final List<Gapped> gapped;
    /** The exceptions, as written (not folded), by their first syllable. */
    private final Map<String, List<List<String>>> exceptions;

    /** A phrase with a gap: {@code start}, the words before the first gap, is looked for first, without the pattern. */
    private record Gapped(String start, Pattern pattern) {
    }

    DangerLexicon(List<String> phrases) {
        this(phrases, List.of());
    }

    /**
     * @param phrases    folded, with a space before and after, as {@link #standard()} reads them
     * @param exceptions normalised syllables, not folded: "giết lợn" is an exception, "giet lon" (maybe "giết lớn")
     *                   is not, so a message without diacritics keeps every match
     */
    DangerLexicon(List<String> phrases, List<List<String>> exceptions) {
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        for (List<String> exception : exceptions) {
            if (!exception.isEmpty()) {
                byFirst.computeIfAbsent(exception.getFirst(), k -> new ArrayList<>()).add(List.copyOf(exception));
            }
        }
        this.exceptions = Map.copyOf(byFirst);
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
            List<List<String>> exceptions = new ArrayList<>();
            TextNormalizer normalizer = TextNormalizer.standard();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(EXCEPTION)) {
                    exceptions.add(normalizer.syllables(line.substring(EXCEPTION.length())));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    // Word by word, so that the normaliser, which drops punctuation, leaves each "*" alone.
                    phrases.add(" " + String.join(" ", Arrays.stream(line.strip().split("\\s+"))
                            .map(word -> word.equals(ANY_WORD) ? word : folded(normalizer, word)).toList()) + " ");
                }
            }
            return new DangerLexicon(phrases, exceptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folded(TextNormalizer normalizer, String word) {
        return String.join(" ", normalizer.syllables(Folding.fold(word)).stream().map(Folding::fold).toList());
    }

    /** True when the normalised syllables hold one of the danger phrases outside the exceptions. */
    public boolean matches(List<String> syllables) {
        boolean[] masked = exceptions.isEmpty() ? null : masked(syllables);
        StringBuilder folded = new StringBuilder(" ");
        for (int i = 0; i < syllables.size(); i++) {
            folded.append(masked != null && masked[i] ? MASK : Folding.fold(syllables.get(i))).append(' ');
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

    /** The syllables that an exception covers, where one is written as in the file, diacritics included. */
    private boolean[] masked(List<String> syllables) {
        boolean[] masked = new boolean[syllables.size()];
        for (int i = 0; i < syllables.size(); i++) {
            List<List<String>> candidates = exceptions.get(syllables.get(i));
            if (candidates == null) {
                continue;
            }
            for (List<String> exception : candidates) {
                int end = i + exception.size();
                if (end <= syllables.size() && syllables.subList(i, end).equals(exception)) {
                    Arrays.fill(masked, i, end, true);
                }
            }
        }
        return masked;
    }

    public int size() {
        return phrases.size() + gapped.size();
    }
}
