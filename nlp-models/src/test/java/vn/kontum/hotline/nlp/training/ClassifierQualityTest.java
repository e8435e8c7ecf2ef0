package vn.kontum.hotline.nlp.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import vn.kontum.hotline.nlp.ModelBundle;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.TextNormalizer;

/**
 * 10-fold cross-validation of the default settings on the corpus and on its diacritic-stripped copy (the two run
 * side by side; about a minute on two cores).
 *
 * <p>The floors sit a little below the figures measured when the settings were chosen (BENCHMARKS.md), so that a
 * change of features, settings or lexicon that makes the model worse fails the build, while a growing corpus
 * does not. The issue's targets are asserted separately and are not reached yet.
 */
class ClassifierQualityTest {

    /** Measured 0.895 (corpus) and 0.892 (stripped) with 5,302 messages (0.893 and 0.891 with 5,139). */
    static final double MIN_MACRO_F1 = 0.875;
    static final double MIN_STRIPPED_MACRO_F1 = 0.87;
    /**
     * At the built threshold: measured 0.961 recall at 0.734 precision (stripped: 0.961 at 0.718) with 5,302 messages,
     * 0.975 at 0.752 with 5,139 before girls lured away and unreachable were written in (and 16 such lines relabelled
     * urgent): the cross-validation does not find all of that new family yet, while the held-out sets' urgent recall
     * went up (BENCHMARKS.md).
     */
    static final double MIN_URGENT_RECALL = 0.95;
    static final double MIN_URGENT_PRECISION = 0.71;
    /**
     * At the best threshold for precision 0.80: measured 0.948 (stripped: 0.927) with 5,402 messages; 0.948 and 0.940
     * with 5,302; 0.969 and 0.962 before, as above. The stripped figure is a sweep's step and moves with a line: 0.934
     * with one duplicate line more (BENCHMARKS.md, "Places in her words").
     */
    static final double MIN_URGENT_RECALL_AT_PRECISION_80 = 0.92;
    /** At most this share of answers may come from the fallback to other (measured 3.0%). */
    static final double MAX_FALLBACK_SHARE = 0.05;
    /**
     * The issue's aims on each independently written held-out set: measured 0.940 and 0.989 on heldout.tsv (500
     * messages), 0.940 and 0.975 on heldout2.tsv (400).
     */
    static final double MIN_HELD_OUT_MACRO_F1 = 0.91;
    static final double MIN_HELD_OUT_URGENT_RECALL = 0.95;

    private static Corpus corpus;
    private static Scores written;
    private static Scores stripped;

    @BeforeAll
    static void crossValidate() throws IOException {
        corpus = Corpus.read(Path.of("corpus"));
        CrossValidation cv = new CrossValidation(Trainer.standard(), 10);
        CompletableFuture<Scores> onStripped = CompletableFuture.supplyAsync(() -> cv.model(corpus.stripped().samples(), TrainingSettings.DEFAULT));
        written = cv.model(corpus.samples(), TrainingSettings.DEFAULT);
        stripped = onStripped.join();
    }

    @Test
    void everyMessageIsPredictedOnce() {
        assertThat(written.total()).isEqualTo(corpus.samples().size());
        assertThat(stripped.total()).isEqualTo(corpus.samples().size());
    }

    @Test
    void topicsAreRecognisedOnTheCorpus() {
        assertThat(written.macroF1()).as(written.summaryLine()).isGreaterThanOrEqualTo(MIN_MACRO_F1);
        for (int label = 0; label < Scores.LABELS.size(); label++) {
            assertThat(written.f1(label)).as(Scores.LABELS.get(label)).isGreaterThanOrEqualTo(0.75);
        }
    }

    @Test
    void topicsAreRecognisedWithoutDiacritics() {
        assertThat(stripped.macroF1()).as(stripped.summaryLine()).isGreaterThanOrEqualTo(MIN_STRIPPED_MACRO_F1);
        assertThat(stripped.macroF1()).isGreaterThan(written.macroF1() - 0.02);
    }

    @Test
    void urgentMessagesAreFound() {
        assertThat(written.urgentRecall()).as(written.summaryLine()).isGreaterThanOrEqualTo(MIN_URGENT_RECALL);
        assertThat(written.urgentPrecision()).as(written.summaryLine()).isGreaterThanOrEqualTo(MIN_URGENT_PRECISION);
        assertThat(stripped.urgentRecall()).as(stripped.summaryLine()).isGreaterThanOrEqualTo(MIN_URGENT_RECALL);
    }

    @Test
    void urgentMessagesAreFoundWhenFalseAlarmsAreKeptToOneInFive() {
        assertThat(written.bestUrgentRecallAt(0.80).recall()).as(written.report()).isGreaterThanOrEqualTo(MIN_URGENT_RECALL_AT_PRECISION_80);
        assertThat(stripped.bestUrgentRecallAt(0.80).recall()).as(stripped.report()).isGreaterThanOrEqualTo(MIN_URGENT_RECALL_AT_PRECISION_80);
    }

    @Test
    void fewAnswersFallBackToOther() {
        assertThat(written.fallbacks()).isPositive().isLessThanOrEqualTo((int) (MAX_FALLBACK_SHARE * written.total()));
    }

    @Test
    void theModelBeatsTheKeywordBaseline() {
        KeywordBaseline baseline = new KeywordBaseline(TextNormalizer.standard(), DangerLexicon.standard());
        Scores base = new CrossValidation(Trainer.standard(), 10).run(corpus.samples(), training -> baseline::predict);
        assertThat(written.macroF1()).isGreaterThan(base.macroF1() + 0.2);
    }

    @Test
    void fewCorpusLinesAreNearDuplicates() {
        NearDuplicates.Report report = NearDuplicates.find(corpus.samples());
        assertThat(report.share()).as("%d near-duplicate lines", report.flagged().size()).isLessThanOrEqualTo(NearDuplicates.MAX_SHARE);
        assertThat(report.acceptable()).isTrue();
    }

    /**
     * The held-out sets are never trained on; here they only check that a change of corpus or settings still
     * generalises: each set on its own (written at different times by different hands), and all together.
     */
    @Test
    void theModelGeneralisesToTheHeldOutMessages() throws IOException {
        ModelBundle model = Trainer.standard().train(corpus.samples(), TrainingSettings.DEFAULT, corpus.hash());
        List<Path> sets;
        try (Stream<Path> files = Files.list(Path.of("heldout"))) {
            sets = files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        }
        assertThat(sets).hasSizeGreaterThanOrEqualTo(2);
        for (Path set : sets) {
            assertGeneralises(set.getFileName().toString(), CrossValidation.heldOut(model, Corpus.readFile(set)));
        }
        assertGeneralises("all sets", CrossValidation.heldOut(model, Corpus.read(Path.of("heldout")).samples()));
    }

    private static void assertGeneralises(String set, Scores heldOut) {
        assertThat(heldOut.macroF1()).as("%s: %s", set, heldOut.summaryLine()).isGreaterThanOrEqualTo(MIN_HELD_OUT_MACRO_F1);
        assertThat(heldOut.urgentRecall()).as("%s: %s", set, heldOut.summaryLine()).isGreaterThanOrEqualTo(MIN_HELD_OUT_URGENT_RECALL);
    }

    @Test
    @Disabled("issue targets not reached: CV macro-F1 0.893, stripped 0.892, urgent recall 0.969 at precision 0.80; see BENCHMARKS.md")
    void issueTargetsAreMet() {
        assertThat(written.macroF1()).isGreaterThanOrEqualTo(0.95);
        assertThat(stripped.macroF1()).isGreaterThanOrEqualTo(0.93);
        assertThat(written.bestUrgentRecallAt(0.80).recall()).isGreaterThanOrEqualTo(0.98);
    }
}
