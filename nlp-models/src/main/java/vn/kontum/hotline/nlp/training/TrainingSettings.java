package vn.kontum.hotline.nlp.training;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the models are trained and how their scores are read. The values of {@link #DEFAULT} were chosen by 10-fold
 * cross-validation on the corpus (figures in {@code nlp-models/BENCHMARKS.md}), never on the held-out set.
 *
 * @param algorithm           OpenNLP trainer of the topic model: MAXENT, MAXENT_QN, NAIVEBAYES or PERCEPTRON
 * @param iterations          training iterations (ignored by NAIVEBAYES)
 * @param cutoff              minimum count of a feature to be kept (OpenNLP's default 5 drops the rare words people really use)
 * @param confidenceThreshold below this, the answer is {@code other} and the bot asks which topic is meant
 * @param urgencyAlgorithm    OpenNLP trainer of the urgent/normal model
 * @param urgencyThreshold    urgency model probability from which a message counts as urgent; low, because recall comes first
 * @param shortSyllables      messages of at most this many syllables ("alo", "chị ơi", "bầu 3 tháng") carry too little
 *                            for the naive Bayes model, whose answer is then mostly its prior
 * @param shortUrgencyThreshold the urgency threshold for those short messages (the danger lexicon still applies to them)
 */
public record TrainingSettings(String algorithm, int iterations, int cutoff, double confidenceThreshold,
                               String urgencyAlgorithm, double urgencyThreshold, int shortSyllables,
                               double shortUrgencyThreshold) {

    /**
     * MAXENT (GIS) gave the best topic macro-F1 of the four trainers; 100 iterations did as well as 150 or 400, and
     * faster. At 0.30 the fallback to {@code other} adds about 0.008 macro-F1 for ~2.5% of messages; 0.40 lost it again.
     * For urgency, NAIVEBAYES ranks far better than MAXENT (recall 0.92 against 0.70 at precision 0.80), but its
     * probabilities are extreme, so its threshold is very low: 0.0001 gives recall near 0.98 at precision near 0.71.
     * On messages of up to 4 syllables the model mostly returns its prior, which at that threshold made every "alo"
     * urgent; there it needs 0.5 (the lexicon catches "cứu em", "vỡ ối rồi", "đang bị nhốt" whatever the length).
     */
    public static final TrainingSettings DEFAULT = new TrainingSettings("MAXENT", 100, 1, 0.30, "NAIVEBAYES", 0.0001, 4, 0.5);

    public TrainingSettings withAlgorithm(String other) {
        return new TrainingSettings(other, iterations, cutoff, confidenceThreshold, urgencyAlgorithm, urgencyThreshold,
                shortSyllables, shortUrgencyThreshold);
    }

    public Map<String, String> manifest() {
        Map<String, String> m = new TreeMap<>();
        m.put("algorithm", algorithm);
        m.put("iterations", Integer.toString(iterations));
        m.put("cutoff", Integer.toString(cutoff));
        m.put("confidence.threshold", Double.toString(confidenceThreshold));
        m.put("urgency.algorithm", urgencyAlgorithm);
        m.put("urgency.threshold", Double.toString(urgencyThreshold));
        m.put("urgency.short.syllables", Integer.toString(shortSyllables));
        m.put("urgency.short.threshold", Double.toString(shortUrgencyThreshold));
        return m;
    }
}
