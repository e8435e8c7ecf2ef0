package vn.kontum.hotline.nlp.training;

/** One line of the corpus: the label, whether it is urgent, the text as written, and where it came from. */
public record Sample(String label, boolean urgent, String text, String source) {

    public Sample withText(String newText) {
        return new Sample(label, urgent, newText, source);
    }
}
