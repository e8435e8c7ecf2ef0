package vn.kontum.hotline.knowledge;

/** An entry as a coordinator writes it; checked by {@link KnowledgeEntries} before it is stored. */
public record EntryChange(String topic, String question, String answer, String keywords) {
}
