package vn.kontum.hotline.nlp.training;

/**
 * What a classifier under evaluation said of one sample.
 *
 * @param fallback     the answer is {@code other} only because the model was not confident enough
 * @param urgencyScore how urgent it looks, on the scale its {@code urgent} was cut from (higher: more urgent)
 */
public record Prediction(String label, boolean urgent, boolean fallback, double urgencyScore) {

    /** A yes-or-no judge of urgency, such as the keyword baseline: its score is 1 or 0. */
    public Prediction(String label, boolean urgent) {
        this(label, urgent, false, urgent ? 1 : 0);
    }
}
