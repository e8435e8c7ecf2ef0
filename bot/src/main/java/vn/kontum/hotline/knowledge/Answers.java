package vn.kontum.hotline.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The active entries by topic, their phrases already reduced to words: which answer, if any, fits a message. A
 * keyword phrase is found in the message as whole words, with or without diacritics and teencode ("kham thai may
 * lan", "e co bau").
 * <p>
 * A phrase counts for less the more entries of the topic speak of it (in their question or keywords): "tiết kiệm" or
 * "có bầu" is in several, and says little about which answer she needs, while "tiền lãi" or "đặt vòng" says it. An
 * entry is answered only on a phrase that is its own (no other entry of the topic speaks of it), and only when it
 * scores above every other: two entries level ("đặt vòng có mất tiền không": contraception or the costs of giving
 * birth?) get no answer, as a message that tells what someone did to her gets none (see {@link Reports}). Either way a
 * person answers her; a wrong answer tells her she was not read.
 */
final class Answers {

    private final Map<String, List<Prepared>> byTopic;

    Answers(List<KnowledgeEntry> active) {
        Map<String, List<KnowledgeEntry>> entries = active.stream().collect(Collectors.groupingBy(KnowledgeEntry::topic));
        this.byTopic = entries.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> prepared(e.getValue())));
    }

    Optional<KnowledgeAnswer> answerFor(String topicLabel, String text) {
        List<String> syllables = Keywords.syllables(text);
        if (syllables.isEmpty() || Reports.tellsWhatSomeoneDid(syllables)) {
            return Optional.empty();
        }
        List<String> words = Keywords.folded(syllables);
        List<Score> ranked = byTopic.getOrDefault(topicLabel.strip().toLowerCase(Locale.ROOT), List.of()).stream()
                .map(e -> score(e, words))
                .filter(Score::ownPhrase)
                .sorted(Comparator.comparingDouble(Score::weight).thenComparingInt(Score::words).reversed())
                .toList();
        if (ranked.isEmpty() || ranked.size() > 1 && level(ranked.get(0), ranked.get(1))) {
            return Optional.empty();
        }
        KnowledgeEntry best = ranked.getFirst().entry().entry();
        return Optional.of(new KnowledgeAnswer(best.id(), best.question(), best.answer()));
    }

    private static boolean level(Score a, Score b) {
        return Math.abs(a.weight() - b.weight()) < 1e-9 && a.words() == b.words();
    }

    /** An entry's keyword phrases reduced to words once, each with how many entries of the topic speak of it. */
    private record Prepared(KnowledgeEntry entry, List<Phrase> phrases) {
    }

    private record Phrase(List<String> words, int spokenOfBy) {
    }

    private record Score(Prepared entry, double weight, int words, boolean ownPhrase) {
    }

    private static List<Prepared> prepared(List<KnowledgeEntry> topic) {
        // What each entry speaks of: its keyword phrases and its question.
        List<List<List<String>>> spoken = topic.stream().map(e -> {
            List<List<String>> texts = new ArrayList<>(e.keywords().stream().map(Keywords::words).toList());
            texts.add(Keywords.words(e.question()));
            return (List<List<String>>) texts;
        }).toList();
        List<Prepared> out = new ArrayList<>(topic.size());
        for (KnowledgeEntry e : topic) {
            List<Phrase> phrases = e.keywords().stream().map(Keywords::words).filter(w -> !w.isEmpty()).distinct()
                    .map(w -> new Phrase(w, (int) Math.max(1, spoken.stream().filter(texts -> texts.stream().anyMatch(t -> Keywords.contains(t, w))).count())))
                    .toList();
            out.add(new Prepared(e, phrases));
        }
        return List.copyOf(out);
    }

    private static Score score(Prepared entry, List<String> message) {
        double weight = 0;
        int words = 0;
        boolean own = false;
        for (Phrase phrase : entry.phrases()) {
            if (Keywords.contains(message, phrase.words())) {
                weight += 1.0 / phrase.spokenOfBy();
                words += phrase.words().size();
                own |= phrase.spokenOfBy() == 1;
            }
        }
        return new Score(entry, weight, words, own);
    }
}
