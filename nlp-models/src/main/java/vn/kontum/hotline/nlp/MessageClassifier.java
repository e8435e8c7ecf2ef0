package vn.kontum.hotline.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.Features;
import vn.kontum.hotline.nlp.text.SmallTalk;

/**
 * Classifies a message: topic with confidence, and urgency.
 *
 * <p>Thread-safe: one instance serves every thread. OpenNLP documents no thread-safety, but in OpenNLP 2.5 the
 * bag-of-words feature generator is stateless and the GIS and naive Bayes models allocate their working arrays per
 * call, so concurrent evaluations share nothing mutable. {@code MessageClassifierConcurrencyTest} checks that
 * answers under 8 threads equal the single-thread ones.
 */
public final class MessageClassifier {

    /** Where the build puts the model trained from the corpus. */
    public static final String BUNDLED_MODEL = "/vn/kontum/hotline/nlp/model/classifier.bin";

    private final ModelBundle bundle;
    private final Features features;
    private final DangerLexicon lexicon;
    private final SmallTalk smallTalk;
    private final MaxentModel topics;
    private final MaxentModel urgency;
    private final FeatureGenerator context;
    private final Topic[] topicOfOutcome;
    private final int urgentIndex;
    private final double urgencyPrior;
    private final boolean skipBigrams;

    public MessageClassifier(ModelBundle bundle) {
        this(bundle, Features.standard(), DangerLexicon.standard(), SmallTalk.standard());
    }

    MessageClassifier(ModelBundle bundle, Features features, DangerLexicon lexicon, SmallTalk smallTalk) {
        this.bundle = bundle;
        this.features = features;
        this.lexicon = lexicon;
        this.smallTalk = smallTalk;
        this.topics = bundle.topicModel().getMaxentModel();
        this.urgency = bundle.urgencyModel().getMaxentModel();
        // Both models were trained through DocumentCategorizerME with the same default factory, so one context
        // (its bag-of-words feature strings) serves both: built and hashed once per message instead of twice; the
        // topic model's has the skip-bigrams added.
        this.context = bundle.topicModel().getFactory().getFeatureGenerators()[0];
        this.topicOfOutcome = new Topic[topics.getNumOutcomes()];
        for (int i = 0; i < topicOfOutcome.length; i++) {
            topicOfOutcome[i] = Topic.ofLabel(topics.getOutcome(i));
        }
        this.urgentIndex = urgency.getIndex(ModelBundle.URGENT);
        // A word the model never saw carries no evidence: what it answers for it alone is its prior.
        this.urgencyPrior = urgency.eval(new String[] {"bow=\u0000"})[urgentIndex];
        this.skipBigrams = bundle.topicSkipBigrams();
    }

    /** The model trained from the corpus at build time. */
    public static MessageClassifier bundled() {
        try (InputStream in = MessageClassifier.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("no bundled model at " + BUNDLED_MODEL + ": build nlp-models first");
            }
            return new MessageClassifier(ModelBundle.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file from disk, e.g. one retrained with {@code nlp-models.jar train}. */
    public static MessageClassifier fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new MessageClassifier(ModelBundle.read(in));
        }
    }

    public Classification classify(String text) {
        Reading reading = read(text);
        if (reading == null) {
            return new Classification(Topic.OTHER, 0.0, false, bundle.version());
        }
        double[] scores = topics.eval(reading.context());
        int best = best(scores);
        double confidence = scores[best];
        Topic topic = confidence >= bundle.confidenceThreshold() ? topicOfOutcome[best] : Topic.OTHER;
        return new Classification(topic, confidence, urgencyScore(reading, harmReported(scores, best)) >= bundle.urgencyThreshold(),
                bundle.version());
    }

    /**
     * How urgent the message looks, on the scale {@link #classify} cuts at the model's urgency threshold: 1 when a
     * danger phrase matched, 0 for small talk ("dạ vâng", "23") and for words none of which speaks for urgency ("abc
     * xyz", a greeting in Bahnar), else the urgency model's probability. For evaluation, which walks every threshold
     * to find the best urgent recall at a given precision.
     */
    public double urgencyScore(String text) {
        Reading reading = read(text);
        if (reading == null) {
            return 0;
        }
        double[] scores = topics.eval(reading.context());
        return urgencyScore(reading, harmReported(scores, best(scores)));
    }

    private static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the topic model reads a report of violence or trafficking, as sure as it must be to answer one. */
    private boolean harmReported(double[] scores, int best) {
        return HARM.contains(topicOfOutcome[best]) && scores[best] >= HARM_CONFIDENCE;
    }

    /** Topics whose reports are weighed by the urgency model on any evidence: someone may be hurting her now. */
    private static final java.util.Set<Topic> HARM = java.util.EnumSet.of(Topic.VIOLENCE, Topic.TRAFFICKING);
    /** As confident as the hotline must be of a topic not to ask which one she means. */
    private static final double HARM_CONFIDENCE = 0.45;

    private double urgencyScore(Reading reading, boolean harmReported) {
        if (lexicon.matches(reading.syllables())) {
            return 1;
        }
        if (smallTalk.only(reading.syllables())) {
            return 0;
        }
        String[] context = urgencyContext(reading);
        return hasUrgentEvidence(context, harmReported ? 1 : EVIDENCE_FACTOR) ? urgency.eval(context)[urgentIndex] : 0;
    }

    /**
     * How much more than its prior a word alone must make the model lean to count as evidence, unless the message
     * reports violence or trafficking (then any lean counts, as before). At 1 for every message, a word met a little
     * more often in urgent messages than in others was enough: "ở", "plei", "day" (đây) made "e o lang kon ktu", "e o
     * day chi" and "thon 3" urgent, and paged on-call officers. Chosen by `evaluate` (nlp-models/BENCHMARKS.md).
     */
    static final double EVIDENCE_FACTOR = 3;

    /**
     * Whether one of the message's words, alone, makes the urgency model lean towards urgent ({@code factor} times its
     * prior or more). Without such a word the
     * model answers little more than its prior (about 0.14), which is far above the threshold (0.01, low for recall):
     * words it never saw, a village's name or a greeting in Bahnar would be urgent for want of evidence. It stops at
     * the first such word ("cứu", "đang").
     */
    private boolean hasUrgentEvidence(String[] context, double factor) {
        String[] one = new String[1];
        for (String feature : context) {
            one[0] = feature;
            if (urgency.eval(one)[urgentIndex] > urgencyPrior * factor) {
                return true;
            }
        }
        return false;
    }

    /** The probability the urgency model alone gives, as {@link #classify} reads it. */
    double urgencyModelProbability(String text) {
        Reading reading = read(text);
        return reading == null ? 0 : urgencyProbability(reading);
    }

    /** The message's syllables, the topic model's words and their OpenNLP context; null when it has no word. */
    private @Nullable Reading read(@Nullable String text) {
        List<String> syllables = features.normalizer().syllables(text == null ? "" : text);
        String[] words = skipBigrams ? Features.forTopic(syllables) : Features.of(syllables);
        return words.length == 0 ? null : new Reading(syllables, words, contextOf(words));
    }

    private record Reading(List<String> syllables, String[] words, String[] context) {
    }

    private double urgencyProbability(Reading reading) {
        return urgency.eval(urgencyContext(reading))[urgentIndex];
    }

    /**
     * The urgency model's words are the topic model's less the skip-bigrams at the end, and OpenNLP's bag of words
     * gives one feature per word, in order: the topic model's context less its end. Should a generator ever map words
     * otherwise, the urgency model's context is built on its own.
     */
    private String[] urgencyContext(Reading reading) {
        if (!skipBigrams) {
            return reading.context();
        }
        String[] context = reading.context();
        if (context.length != reading.words().length) {
            return contextOf(Features.of(reading.syllables()));
        }
        return Arrays.copyOf(context, context.length - Features.skipBigramCount(reading.syllables()));
    }

    /** OpenNLP's bag of words: one feature per word, in order ("bow=" and the word). */
    private String[] contextOf(String[] words) {
        return context.extractFeatures(words, Map.of()).toArray(String[]::new);
    }

    public String modelVersion() {
        return bundle.version();
    }

    public ModelBundle bundle() {
        return bundle;
    }
}
