package vn.kontum.hotline.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import opennlp.tools.doccat.DocumentCategorizerME;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.Features;

/**
 * Classifies a message: topic with confidence, and urgency.
 *
 * <p>Thread-safe: one instance serves every thread. {@link DocumentCategorizerME} documents no thread-safety,
 * but in OpenNLP 2.5 its only fields are final (the model and a stateless bag-of-words context generator) and
 * the maxent model allocates its result array per call, so concurrent {@code categorize} calls share nothing
 * mutable. {@code MessageClassifierConcurrencyTest} checks that answers under 8 threads equal the single-thread ones.
 */
public final class MessageClassifier {

    /** Where the build puts the model trained from the corpus. */
    public static final String BUNDLED_MODEL = "/vn/kontum/hotline/nlp/model/classifier.bin";

    private final ModelBundle bundle;
    private final Features features;
    private final DangerLexicon lexicon;
    private final DocumentCategorizerME topics;
    private final DocumentCategorizerME urgency;
    private final int urgentIndex;

    public MessageClassifier(ModelBundle bundle) {
        this(bundle, Features.standard(), DangerLexicon.standard());
    }

    MessageClassifier(ModelBundle bundle, Features features, DangerLexicon lexicon) {
        this.bundle = bundle;
        this.features = features;
        this.lexicon = lexicon;
        this.topics = new DocumentCategorizerME(bundle.topicModel());
        this.urgency = new DocumentCategorizerME(bundle.urgencyModel());
        this.urgentIndex = urgency.getIndex(ModelBundle.URGENT);
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
        List<String> syllables = features.normalizer().syllables(text == null ? "" : text);
        String[] words = Features.of(syllables);
        if (words.length == 0) {
            return new Classification(Topic.OTHER, 0.0, false, bundle.version());
        }
        double[] scores = topics.categorize(words);
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double confidence = scores[best];
        Topic topic = confidence >= bundle.confidenceThreshold() ? Topic.ofLabel(topics.getCategory(best)) : Topic.OTHER;
        boolean urgent = urgency.categorize(words)[urgentIndex] >= bundle.urgencyThreshold() || lexicon.matches(syllables);
        return new Classification(topic, confidence, urgent, bundle.version());
    }

    /** The probability the urgency model alone gives; for evaluation. */
    double urgencyScore(String text) {
        String[] words = features.of(text);
        return words.length == 0 ? 0 : urgency.categorize(words)[urgentIndex];
    }

    public String modelVersion() {
        return bundle.version();
    }

    public ModelBundle bundle() {
        return bundle;
    }
}
