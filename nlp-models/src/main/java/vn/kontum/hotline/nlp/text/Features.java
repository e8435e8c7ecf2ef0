package vn.kontum.hotline.nlp.text;

import java.util.List;

/**
 * The words the models see for one message: each syllable as written (accented) and diacritic-folded, and
 * the bigrams of both; for the topic model also the folded skip-bigrams (syllables i-2 and i), so that "chồng em đánh"
 * and "chồng đánh" share "chong_danh", as messages written by other people than the corpus's phrase things
 * differently. Emitting n-grams ourselves and feeding OpenNLP a plain bag of words avoids its
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
        return of(syllables, false);
    }

    /**
     * The topic model's words: {@link #of(List)}, then the folded pairs of syllables one apart ("s=chong_danh"), the
     * first {@code of(syllables).length} being exactly those of {@link #of(List)}. For the topic model only: the urgency
     * model (naive Bayes) counts such overlapping pairs as independent evidence and ranks worse with them
     * (nlp-models/BENCHMARKS.md).
     */
    public static String[] forTopic(List<String> syllables) {
        return of(syllables, true);
    }

    /** How many of {@link #forTopic(List)}'s words are skip-bigrams, the last ones. */
    public static int skipBigramCount(List<String> syllables) {
        return Math.max(0, syllables.size() - 2);
    }

    private static String[] of(List<String> syllables, boolean skipBigrams) {
        int n = syllables.size();
        if (n == 0) {
            return new String[0];
        }
        String[] out = new String[4 * n - 2 + (skipBigrams ? Math.max(0, n - 2) : 0)];
        String[] folded = new String[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            String s = syllables.get(i);
            folded[i] = Folding.fold(s);
            out[k++] = "w=" + s;
            out[k++] = "f=" + folded[i];
        }
        for (int i = 1; i < n; i++) {
            out[k++] = "b=" + syllables.get(i - 1) + '_' + syllables.get(i);
            out[k++] = "g=" + folded[i - 1] + '_' + folded[i];
        }
        if (skipBigrams) {
            for (int i = 2; i < n; i++) {
                out[k++] = "s=" + folded[i - 2] + '_' + folded[i];
            }
        }
        return out;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }
}
