package vn.kontum.hotline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.nlp.text.Folding;
import vn.kontum.hotline.nlp.training.Corpus;
import vn.kontum.hotline.nlp.training.Sample;

/** One classifier shared by 8 threads answers exactly as it does on one thread. */
class MessageClassifierConcurrencyTest {

    private static final int THREADS = 8;
    private static final int TEXTS = 2_000;

    @Test
    void eightThreadsGiveTheSingleThreadAnswers() throws Exception {
        MessageClassifier classifier = MessageClassifier.bundled();
        List<String> texts = texts();
        assertThat(texts).hasSize(TEXTS);
        List<Classification> expected = texts.stream().map(classifier::classify).toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Classification>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * TEXTS / THREADS;
                futures.add(pool.submit(() -> {
                    start.await();
                    // Each thread starts at a different text, so that threads classify different texts at the same time.
                    Classification[] answers = new Classification[TEXTS];
                    for (int i = 0; i < TEXTS; i++) {
                        int k = (offset + i) % TEXTS;
                        answers[k] = classifier.classify(texts.get(k));
                    }
                    return List.of(answers);
                }));
            }
            start.countDown();
            for (Future<List<Classification>> f : futures) {
                assertThat(f.get()).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 2,000 corpus messages spread over every topic, every third one stripped of diacritics, and some bad inputs. */
    private static List<String> texts() throws IOException {
        List<Sample> samples = Corpus.read(Path.of("corpus")).samples();
        List<String> texts = new ArrayList<>(List.of("", "😭🙏", "\uD83D lone surrogate", "救命", "x".repeat(10_000)));
        for (int i = 0; texts.size() < TEXTS; i++) {
            String text = samples.get((int) ((i * 7_919L) % samples.size())).text();
            texts.add(i % 3 == 0 ? Folding.fold(text) : text);
        }
        return texts;
    }
}
