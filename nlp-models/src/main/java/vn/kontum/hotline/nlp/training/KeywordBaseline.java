package vn.kontum.hotline.nlp.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.Folding;
import vn.kontum.hotline.nlp.text.TextNormalizer;

/**
 * The simplest thing that could work, kept beside the model in every evaluation: count a few keywords per topic
 * in the folded text; no keyword means {@code other}. The model must beat it clearly to be worth its keep.
 */
public final class KeywordBaseline {

    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("violence", List.of("danh", "bao luc", "chui", "xam hai", "hiep", "doa", "ep quan he", "say ruou"));
        KEYWORDS.put("trafficking", List.of("trung quoc", "bien gioi", "ban sang", "bi ban", "lay chong", "viec lam", "luong cao", "mat tich", "moi gioi"));
        KEYWORDS.put("safe_delivery", List.of("bau", "mang thai", "sinh", "de", "kham thai", "em be", "sua", "tiem"));
        KEYWORDS.put("savings_loans", List.of("vay", "von", "tiet kiem", "ngan hang", "lai", "no", "hop tac xa", "chan nuoi"));
    }

    private final TextNormalizer normalizer;
    private final DangerLexicon lexicon;

    public KeywordBaseline(TextNormalizer normalizer, DangerLexicon lexicon) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
    }

    public Prediction predict(String text) {
        List<String> syllables = normalizer.syllables(text);
        StringBuilder folded = new StringBuilder(" ");
        syllables.forEach(s -> folded.append(Folding.fold(s)).append(' '));
        String haystack = folded.toString();
        String best = Topic.OTHER.label();
        int bestHits = 0;
        for (Map.Entry<String, List<String>> e : KEYWORDS.entrySet()) {
            int hits = 0;
            for (String k : e.getValue()) {
                if (haystack.contains(" " + k + " ")) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
            }
        }
        return new Prediction(best, lexicon.matches(syllables));
    }
}
