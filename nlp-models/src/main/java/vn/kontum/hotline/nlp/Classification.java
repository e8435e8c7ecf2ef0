package vn.kontum.hotline.nlp;

/**
 * The classifier's answer for one message.
 *
 * @param topic        the topic; {@link Topic#OTHER} when the model was not confident enough
 * @param confidence   the model's probability for its best topic, 0..1 (kept even when the answer fell back to other)
 * @param urgent       someone may be in danger now: the urgency model or the danger lexicon said so
 * @param modelVersion the version of the model that answered, recorded with every message
 */
public record Classification(Topic topic, double confidence, boolean urgent, String modelVersion) {

    public String label() {
        return topic.label();
    }
}
