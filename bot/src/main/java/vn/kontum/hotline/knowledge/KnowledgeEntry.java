package vn.kontum.hotline.knowledge;

import java.util.List;

/** A knowledge entry as coordinators see it; {@code keywords} are phrases, as written. */
public record KnowledgeEntry(long id, String topic, String question, String answer, List<String> keywords, boolean active) {

    /** The keywords as the form shows them: one phrase after another, separated by commas. */
    public String keywordText() {
        return String.join(", ", keywords);
    }
}
