package vn.kontum.hotline.knowledge;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the answer to a common question within the topic the classifier gave. An entry matches when one of its
 * keyword phrases occurs in the message as whole words, with or without diacritics and teencode ("kham thai may
 * lan", "e co bau"); the entry with the most matched phrases wins, then the one with the most matched words, then
 * the oldest. The entries are kept here with their phrases already reduced to words, and read again after an edit
 * on this node, when their version in Redis changes (an edit on another node, seen within a second), and at least
 * once a minute in case an edit could not say so.
 */
@Component
public class Knowledge {

    private static final Logger log = LoggerFactory.getLogger(Knowledge.class);
    private static final Duration LONGEST_UNCHECKED = Duration.ofMinutes(1);
    /** Redis is asked for the version at most this often rather than once per message; another node's edit shows within it. */
    private static final Duration VERSION_ASKED_EVERY = Duration.ofSeconds(1);

    private final KnowledgeEntries entries;
    private volatile @Nullable Snapshot snapshot;

    Knowledge(KnowledgeEntries entries) {
        this.entries = entries;
    }

    public Optional<KnowledgeAnswer> answerFor(String topicLabel, String text) {
        List<String> words = Keywords.words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return current().byTopic().getOrDefault(topicLabel.strip().toLowerCase(Locale.ROOT), List.of()).stream()
                .map(e -> score(e, words))
                .filter(s -> s.phrases() > 0)
                .min(Comparator.comparingInt(Score::phrases).reversed()
                        .thenComparing(Comparator.comparingInt(Score::words).reversed())
                        .thenComparingLong(s -> s.entry().entry().id()))
                .map(s -> new KnowledgeAnswer(s.entry().entry().id(), s.entry().entry().question(), s.entry().entry().answer()));
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        long edits = entries.editsHere();
        if (known != null && known.edits() == edits && now - known.checkedAt() < VERSION_ASKED_EVERY.toNanos()) {
            return known;
        }
        String version;
        try {
            version = entries.version();
        } catch (RuntimeException e) {
            if (known != null && known.edits() == edits && now - known.readAt() < LONGEST_UNCHECKED.toNanos()) {
                return known;
            }
            log.debug("knowledge version unknown ({}); entries read again", e.getClass().getSimpleName());
            version = "?";
        }
        if (known != null && known.version().equals(version) && !"?".equals(version) && known.edits() == edits
                && now - known.readAt() < LONGEST_UNCHECKED.toNanos()) {
            Snapshot same = new Snapshot(version, edits, known.readAt(), now, known.byTopic());
            snapshot = same;
            return same;
        }
        // Read after the version and the count of edits here: an edit between them is read now and once more next time.
        Map<String, List<Prepared>> byTopic = entries.active().stream()
                .map(e -> new Prepared(e, e.keywords().stream().map(Keywords::words).filter(w -> !w.isEmpty()).toList()))
                .collect(Collectors.groupingBy(p -> p.entry().topic(), Collectors.toUnmodifiableList()));
        Snapshot fresh = new Snapshot(version, edits, now, now, byTopic);
        snapshot = fresh;
        return fresh;
    }

    /** {@code readAt}: when the entries were read; {@code checkedAt}: when their version was last asked for. */
    private record Snapshot(String version, long edits, long readAt, long checkedAt, Map<String, List<Prepared>> byTopic) {
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
