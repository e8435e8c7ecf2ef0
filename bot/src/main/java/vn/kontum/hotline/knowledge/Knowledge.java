package vn.kontum.hotline.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.redis.SharedCopy;

/**
 * Finds the answer to a common question within the topic the classifier gave. An entry matches when one of its
 * keyword phrases occurs in the message as whole words, with or without diacritics and teencode ("kham thai may
 * lan", "e co bau"); the entry with the most matched phrases wins, then the one with the most matched words, then
 * the oldest. The entries are kept here with their phrases already reduced to words (a {@link SharedCopy}: an edit on
 * this node counts at once, one on another node within a second).
 */
@Component
public class Knowledge {

    /** The active entries by topic, their phrases reduced to words. */
    private final SharedCopy<Map<String, List<Prepared>>> byTopic;

    Knowledge(KnowledgeEntries entries) {
        this.byTopic = new SharedCopy<>(entries.version(), () -> entries.active().stream()
                .map(e -> new Prepared(e, e.keywords().stream().map(Keywords::words).filter(w -> !w.isEmpty()).toList()))
                .collect(Collectors.groupingBy(p -> p.entry().topic(), Collectors.toUnmodifiableList())));
    }

    public Optional<KnowledgeAnswer> answerFor(String topicLabel, String text) {
        List<String> words = Keywords.words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return byTopic.current().getOrDefault(topicLabel.strip().toLowerCase(Locale.ROOT), List.of()).stream()
                .map(e -> score(e, words))
                .filter(s -> s.phrases() > 0)
                .min(Comparator.comparingInt(Score::phrases).reversed()
                        .thenComparing(Comparator.comparingInt(Score::words).reversed())
                        .thenComparingLong(s -> s.entry().entry().id()))
                .map(s -> new KnowledgeAnswer(s.entry().entry().id(), s.entry().entry().question(), s.entry().entry().answer()));
    }

    /** An entry with its keyword phrases reduced to words once. */
    private record Prepared(KnowledgeEntry entry, List<List<String>> phrases) {
    }

    private record Score(Prepared entry, int phrases, int words) {
    }

    private static Score score(Prepared entry, List<String> message) {
        int phrases = 0;
        int words = 0;
        for (List<String> phrase : entry.phrases()) {
            if (Keywords.contains(message, phrase)) {
                phrases++;
                words += phrase.size();
            }
        }
        return new Score(entry, phrases, words);
    }
}
