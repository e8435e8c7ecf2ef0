package vn.kontum.hotline.nlp.training;

/** What a classifier under evaluation said of one sample. */
public record Prediction(String label, boolean urgent) {
}
