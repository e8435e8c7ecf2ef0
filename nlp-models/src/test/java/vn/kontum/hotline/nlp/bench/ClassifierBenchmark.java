package vn.kontum.hotline.nlp.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.ModelBundle;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.TextNormalizer;
import vn.kontum.hotline.nlp.training.Corpus;
import vn.kontum.hotline.nlp.training.KeywordBaseline;
import vn.kontum.hotline.nlp.training.Prediction;
import vn.kontum.hotline.nlp.training.Sample;

/**
 * Throughput of one thread on typical messages (the corpus lines of 10 to 30 words, taken in turn), for the
 * classifier (normalise + topic + urgency) beside two baselines measured in the same run: normalisation alone and
 * the keyword baseline. Also the time to load the bundled model. Run with {@code nlp-models/bench/run-jmh.sh}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {

    private MessageClassifier classifier;
    private TextNormalizer normalizer;
    private KeywordBaseline baseline;
    private byte[] modelBytes;
    private String[] messages;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        classifier = MessageClassifier.bundled();
        normalizer = TextNormalizer.standard();
        baseline = new KeywordBaseline(normalizer, DangerLexicon.standard());
        try (InputStream in = Objects.requireNonNull(MessageClassifier.class.getResourceAsStream(MessageClassifier.BUNDLED_MODEL))) {
            modelBytes = in.readAllBytes();
        }
        messages = typicalMessages(corpus());
    }

    static String[] typicalMessages(Path corpus) throws IOException {
        List<String> texts = Corpus.read(corpus).samples().stream().map(Sample::text).filter(t -> {
            int words = t.trim().split("\\s+").length;
            return words >= 10 && words <= 30;
        }).toList();
        if (texts.size() < 100) {
            throw new IllegalStateException("too few typical messages in " + corpus + ": " + texts.size());
        }
        return texts.toArray(String[]::new);
    }

    /** The corpus folder, from the repository root or the module folder; {@code -Dbench.corpus=DIR} overrides. */
    static Path corpus() {
        String configured = System.getProperty("bench.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of("nlp-models", "corpus");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("corpus");
    }

    private String nextMessage() {
        String text = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return text;
    }

    /** What the bot calls for every message: normalise, topic, urgency (model and danger lexicon). */
    @Benchmark
    public Classification classify() {
        return classifier.classify(nextMessage());
    }

    /** Baseline: normalisation alone, the floor under any classifier built on it. */
    @Benchmark
    public List<String> normaliseOnly() {
        return normalizer.syllables(nextMessage());
    }

    /** Baseline: the keyword classifier of the evaluation (normalise, keyword counts, danger lexicon). */
    @Benchmark
    public Prediction keywordBaseline() {
        return baseline.predict(nextMessage());
    }

    /** Reading the bundled model (already in memory, so without disk time) and building a classifier from it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 20)
    public MessageClassifier loadModel() throws IOException {
        return new MessageClassifier(ModelBundle.read(new ByteArrayInputStream(modelBytes)));
    }
}
