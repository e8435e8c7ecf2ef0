package vn.kontum.hotline.nlp.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.ModelBundle;
import vn.kontum.hotline.nlp.Topic;

/** Stratified k-fold cross-validation, shuffled with a fixed seed so that every run gives the same figures. */
public final class CrossValidation {

    public static final long SEED = 20_211_105L;

    private final Trainer trainer;
    private final int folds;

    public CrossValidation(Trainer trainer, int folds) {
        this.trainer = trainer;
        this.folds = folds;
    }

    /** Scores of the model trained with these settings, each sample predicted by the model that did not see it. */
    public Scores model(List<Sample> samples, TrainingSettings settings) {
        return run(samples, training -> {
            MessageClassifier classifier = new MessageClassifier(trainer.train(training, settings, "cv"));
            return text -> predict(classifier, text);
        });
    }

    /** Scores of any predictor built from the training part of each fold. */
    public Scores run(List<Sample> samples, Function<List<Sample>, Function<String, Prediction>> build) {
        List<List<Sample>> parts = split(samples);
        Scores scores = new Scores();
        for (int k = 0; k < folds; k++) {
            List<Sample> training = new ArrayList<>();
            for (int j = 0; j < folds; j++) {
                if (j != k) {
                    training.addAll(parts.get(j));
                }
            }
            Function<String, Prediction> predictor = build.apply(training);
            for (Sample s : parts.get(k)) {
                scores.add(s, predictor.apply(s.text()));
            }
        }
        return scores;
    }

    /** Each label's samples shuffled with the fixed seed and dealt round the folds; urgent ones dealt first. */
    List<List<Sample>> split(List<Sample> samples) {
        Map<String, List<Sample>> byStratum = new TreeMap<>();
        for (Sample s : samples) {
            byStratum.computeIfAbsent(s.label() + (s.urgent() ? "/urgent" : ""), k -> new ArrayList<>()).add(s);
        }
        List<List<Sample>> parts = new ArrayList<>();
        for (int i = 0; i < folds; i++) {
            parts.add(new ArrayList<>());
        }
        Random random = new Random(SEED);
        int next = 0;
        for (List<Sample> stratum : byStratum.values()) {
            stratum.sort(Comparator.comparing(Sample::source));
            java.util.Collections.shuffle(stratum, random);
            for (Sample s : stratum) {
                parts.get(next++ % folds).add(s);
            }
        }
        return parts;
    }

    /** Scores on a separate test set, for a model trained on the whole corpus. */
    public static Scores heldOut(ModelBundle bundle, List<Sample> test) {
        MessageClassifier classifier = new MessageClassifier(bundle);
        Scores scores = new Scores();
        for (Sample s : test) {
            scores.add(s, predict(classifier, s.text()));
        }
        return scores;
    }

    private static Prediction predict(MessageClassifier classifier, String text) {
        Classification c = classifier.classify(text);
        boolean fallback = c.topic() == Topic.OTHER && c.confidence() < classifier.bundle().confidenceThreshold();
        return new Prediction(c.label(), c.urgent(), fallback, classifier.urgencyScore(text));
    }
}
