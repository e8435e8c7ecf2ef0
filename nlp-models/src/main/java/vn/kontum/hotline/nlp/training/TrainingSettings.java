package vn.kontum.hotline.nlp.training;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the models are trained and how their scores are read.
 *
 * @param algorithm           OpenNLP trainer: MAXENT, MAXENT_QN, NAIVEBAYES or PERCEPTRON
 * @param iterations          training iterations
 * @param cutoff              minimum count of a feature to be kept (OpenNLP's default 5 drops the rare words people really use)
 * @param confidenceThreshold below this, the answer is {@code other} and the bot asks which topic is meant
 * @param urgencyThreshold    urgency model probability from which a message counts as urgent; low, because recall comes first
 */
public record TrainingSettings(String algorithm, int iterations, int cutoff, double confidenceThreshold, double urgencyThreshold) {

    public static final TrainingSettings DEFAULT = new TrainingSettings("MAXENT", 150, 1, 0.40, 0.25);

    public TrainingSettings withAlgorithm(String other) {
        return new TrainingSettings(other, iterations, cutoff, confidenceThreshold, urgencyThreshold);
    }

    public Map<String, String> manifest() {
        Map<String, String> m = new TreeMap<>();
        m.put("algorithm", algorithm);
        m.put("iterations", Integer.toString(iterations));
        m.put("cutoff", Integer.toString(cutoff));
        m.put("confidence.threshold", Double.toString(confidenceThreshold));
        m.put("urgency.threshold", Double.toString(urgencyThreshold));
        return m;
    }
}
