package vn.kontum.hotline.nlp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The words the models see for one message: each syllable as written (accented) and diacritic-folded, and
 * the bigrams of both. Emitting n-grams ourselves and feeding OpenNLP a plain bag of words avoids its
 * feature generators, which are rebuilt with default settings after training and loading.
 */
public final class Features {

    private final TextNormalizer normalizer;

    public Features(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public static Features standard() {
        return new Features(TextNormalizer.standard());
    }

    public String[] of(String text) {
        return of(normalizer.syllables(text));
    }

    public static String[] of(List<String> syllables) {
        int n = syllables.size();
        List<String> out = new ArrayList<>(4 * n);
        String[] folded = new String[n];
        for (int i = 0; i < n; i++) {
            String s = syllables.get(i);
            folded[i] = Folding.fold(s);
            out.add("w=" + s);
            if (!folded[i].equals(s)) {
                out.add("f=" + folded[i]);
            } else {
                out.add("f=" + s);
            }
        }
        for (int i = 1; i < n; i++) {
            out.add("b=" + syllables.get(i - 1) + '_' + syllables.get(i));
            out.add("g=" + folded[i - 1] + '_' + folded[i]);
        }
        return out.toArray(String[]::new);
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }
}
