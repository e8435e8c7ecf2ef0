package vn.kontum.hotline.nlp.training;

/**
 * What a classifier under evaluation said of one sample.
 *
 * @param fallback the answer is {@code other} only because the model was not confident enough
 */
public record Prediction(String label, boolean urgent, boolean fallback) {

    public Prediction(String label, boolean urgent) {
        this(label, urgent, false);
    }
}
