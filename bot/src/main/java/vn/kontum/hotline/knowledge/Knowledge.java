package vn.kontum.hotline.knowledge;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.redis.SharedCopy;

/**
 * Finds the answer to a common question within the topic the classifier gave (see {@link Answers} for how). The
 * entries are kept here with their phrases already reduced to words (a {@link SharedCopy}: an edit on this node counts
 * at once, one on another node within a second).
 */
@Component
public class Knowledge {

    private final SharedCopy<Answers> answers;

    Knowledge(KnowledgeEntries entries) {
        this.answers = new SharedCopy<>(entries.version(), () -> new Answers(entries.active()));
    }

    public Optional<KnowledgeAnswer> answerFor(String topicLabel, String text) {
        return answers.current().answerFor(topicLabel, text);
    }
}
