package vn.kontum.hotline.knowledge;

/** The answer to a common question, as the conversation sends it. */
public record KnowledgeAnswer(long id, String question, String answer) {
}
