package vn.kontum.hotline.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds the answer to a common question within the topic the classifier gave. An entry matches when one of its
 * keyword phrases occurs in the message as whole words, with or without diacritics and teencode ("kham thai may
 * lan", "e co bau"); the entry with the most matched phrases wins, then the one with the most matched words, then
 * the oldest. Entries are read at each question, without a cache: a topic has a few, and an edit is seen at once
 * on every node.
 */
@Component
public class Knowledge {

    private final KnowledgeEntries entries;

    Knowledge(KnowledgeEntries entries) {
        this.entries = entries;
    }

    public Optional<KnowledgeAnswer> answerFor(String topicLabel, String text) {
        List<String> words = Keywords.words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return entries.active(topicLabel.strip().toLowerCase(Locale.ROOT)).stream()
                .map(e -> score(e, words))
                .filter(s -> s.phrases() > 0)
                .min(Comparator.comparingInt(Score::phrases).reversed()
                        .thenComparing(Comparator.comparingInt(Score::words).reversed())
                        .thenComparingLong(s -> s.entry().id()))
                .map(s -> new KnowledgeAnswer(s.entry().id(), s.entry().question(), s.entry().answer()));
    }

    private record Score(KnowledgeEntry entry, int phrases, int words) {
    }

    private static Score score(KnowledgeEntry entry, List<String> message) {
        int phrases = 0;
        int words = 0;
        for (String keyword : entry.keywords()) {
            List<String> phrase = Keywords.words(keyword);
            if (Keywords.contains(message, phrase)) {
                phrases++;
                words += phrase.size();
            }
        }
        return new Score(entry, phrases, words);
    }
}
