package vn.kontum.hotline.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Phrases that mean someone is in danger now ("đang đánh", "chảy máu nhiều", "bị nhốt"), from the project's
 * file {@code danger-phrases.txt}. Matched on the diacritic-folded syllables, so "dang danh" counts too.
 * It backs up the urgency model: for urgency, missing a woman in danger costs far more than a false alarm.
 */
public final class DangerLexicon {

    private final List<String> phrases;

    DangerLexicon(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    public static DangerLexicon standard() {
        try (InputStream in = Objects.requireNonNull(DangerLexicon.class.getResourceAsStream("danger-phrases.txt"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> phrases = new ArrayList<>();
            TextNormalizer normalizer = TextNormalizer.standard();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    phrases.add(" " + String.join(" ", normalizer.syllables(Folding.fold(line)).stream().map(Folding::fold).toList()) + " ");
                }
            }
            return new DangerLexicon(phrases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return false;
    }

    public int size() {
        return phrases.size();
    }
}
