package vn.kontum.hotline.nlp.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import vn.kontum.hotline.nlp.ModelBundle;
import vn.kontum.hotline.nlp.text.Features;

/** Trains the topic and urgency models from samples. Deterministic: one thread, input in corpus order. */
public final class Trainer {

    private final Features features;

    public Trainer(Features features) {
        this.features = features;
    }

    public static Trainer standard() {
        return new Trainer(Features.standard());
    }

    public ModelBundle train(List<Sample> samples, TrainingSettings settings, String corpusHash) {
        return train(samples, settings, corpusHash, stage -> { });
    }

    public ModelBundle train(List<Sample> samples, TrainingSettings settings, String corpusHash, Progress progress) {
        List<List<String>> syllables = samples.stream().map(s -> features.normalizer().syllables(s.text())).toList();
        progress.stage("topic model");
        DoccatModel topics = train(samples, syllables.stream().map(Features::forTopic).toList(), Sample::label, settings);
        progress.stage("urgency model");
        DoccatModel urgency = train(samples, syllables.stream().map(Features::of).toList(),
                s -> s.urgent() ? ModelBundle.URGENT : ModelBundle.NORMAL, settings.withAlgorithm(settings.urgencyAlgorithm()));
        return new ModelBundle(version(corpusHash, settings), topics, urgency, manifest(settings));
    }

    private static DoccatModel train(List<Sample> samples, List<String[]> words, Function<Sample, String> outcome,
                                     TrainingSettings settings) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        DocumentSample[] docs = new DocumentSample[samples.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new DocumentSample(outcome.apply(samples.get(i)), words.get(i));
        }
        try {
            return DocumentCategorizerME.train("vi", ObjectStreamUtils.createObjectStream(docs), params, new DoccatFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings, and which words the topic model was trained on, so that a model file is read as it was made. */
    static Map<String, String> manifest(TrainingSettings settings) {
        Map<String, String> manifest = new TreeMap<>(settings.manifest());
        manifest.put(ModelBundle.TOPIC_FEATURES, ModelBundle.WITH_SKIP_BIGRAMS);
        return manifest;
    }

    static String version(String corpusHash, TrainingSettings settings) {
        var digest = Corpus.sha256();
        digest.update(corpusHash.getBytes(StandardCharsets.UTF_8));
        digest.update(manifest(settings).toString().getBytes(StandardCharsets.UTF_8));
        return "vi-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** Told the name of each training stage, e.g. to draw a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void stage(String name);
    }
}
