package vn.kontum.hotline.nlp.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoresTest {

    /** Seven messages, four urgent, with the urgency scores a classifier gave them. */
    private static Scores judged() {
        Scores scores = new Scores();
        add(scores, 0.9, true);
        add(scores, 0.8, false);
        add(scores, 0.7, true);
        add(scores, 0.7, false);
        add(scores, 0.5, true);
        add(scores, 0.2, false);
        add(scores, 0.1, true);
        return scores;
    }

    private static void add(Scores scores, double urgencyScore, boolean urgent) {
        scores.add(new Sample("violence", urgent, "m" + urgencyScore, "test"),
                new Prediction("violence", urgencyScore >= 0.5, false, urgencyScore));
    }

    @Test
    void theBestRecallAtAPrecisionIsFoundAmongAllThresholds() {
        Scores scores = judged();

        assertThat(scores.urgentRecall()).isEqualTo(0.75); // the classifier's own cut, 0.5
        assertThat(scores.bestUrgentRecallAt(0.6)).isEqualTo(new Scores.OperatingPoint(0.75, 0.6, 0.5));
        assertThat(scores.bestUrgentRecallAt(0.5).recall()).isEqualTo(1.0);
        assertThat(scores.bestUrgentRecallAt(0.5).precision()).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void messagesOfEqualScoreCountTogether() {
        // At 0.7 an urgent and a normal message score the same: no threshold takes one without the other, so the
        // precision there is 2 of 4, not 2 of 3.
        assertThat(judged().bestUrgentRecallAt(0.65)).isEqualTo(new Scores.OperatingPoint(0.25, 1.0, 0.9));
    }

    @Test
    void messagesOfEqualScoreCountTogetherInWhateverOrderTheyCame() {
        Scores.OperatingPoint onlyTheFirst = new Scores.OperatingPoint(0.5, 1.0, 0.9);

        assertThat(scored(urgent(0.9), urgent(0.7), normal(0.7)).bestUrgentRecallAt(0.7)).isEqualTo(onlyTheFirst);
        assertThat(scored(urgent(0.9), normal(0.7), urgent(0.7)).bestUrgentRecallAt(0.7)).isEqualTo(onlyTheFirst);
    }

    @Test
    void aScoreThatIsNotANumberCountsAsTheLeastUrgent() {
        Scores scores = scored(normal(Double.NaN), urgent(0.9), urgent(0.5));

        assertThat(scores.bestUrgentRecallAt(0.8)).isEqualTo(new Scores.OperatingPoint(1.0, 1.0, 0.5));
    }

    @Test
    void withoutUrgentMessagesNoThresholdIsFound() {
        assertThat(scored(normal(0.9)).bestUrgentRecallAt(0.8).threshold()).isInfinite();
    }

    @Test
    void noThresholdMayReachThePrecision() {
        Scores scores = scored(normal(0.9), urgent(0.1));

        assertThat(scores.bestUrgentRecallAt(0.8).recall()).isZero();
        assertThat(scores.bestUrgentRecallAt(0.8).threshold()).isInfinite();
        assertThat(scores.report()).contains("urgent recall at precision >= 0.80: none");
    }

    /** A message the classifier scored, urgent or not, in the order they are added. */
    private record Judged(double score, boolean urgent) {
    }

    private static Judged urgent(double score) {
        return new Judged(score, true);
    }

    private static Judged normal(double score) {
        return new Judged(score, false);
    }

    private static Scores scored(Judged... judged) {
        Scores scores = new Scores();
        for (Judged j : judged) {
            add(scores, j.score(), j.urgent());
        }
        return scores;
    }
}
