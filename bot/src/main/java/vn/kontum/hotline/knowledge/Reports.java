package vn.kontum.hotline.knowledge;

import java.util.List;
import java.util.Set;

import vn.kontum.hotline.nlp.text.Folding;

/**
 * Whether a message tells what someone close to her did to her ("chồng em lấy hết tiền tiết kiệm", "mẹ chồng giữ
 * hết tiền", "ck e cấm em đi khám thai") rather than asks something. Such a message is a report for a person, even
 * when its words are a common question's ("tiền lãi", "khám thai"): answering it with how a savings group shares its
 * interest would tell her she was not heard.
 * <p>
 * Someone close (her husband, his family, a partner, a parent) followed within a few words by taking, keeping,
 * hitting, forcing or forbidding. Words typed without diacritics match either spelling ("cam": "cầm" or "cấm"); words
 * typed with them match only their own ("bận" is not "bán").
 */
final class Reports {

    /**
     * The last word of who acted: "chồng" stands for "mẹ chồng", "nhà chồng" and "ck" (teencode) too. Not "mẹ" alone:
     * a mother asking about her baby speaks of herself so ("mẹ giữ ấm cho bé thế nào").
     */
    private static final Set<String> ACTORS = Set.of("chồng", "bố", "cha", "hắn", "bồ");
    private static final List<List<String>> TWO_WORD_ACTORS = List.of(List.of("người", "yêu"), List.of("bạn", "trai"),
            List.of("anh", "ấy"));
    private static final List<List<String>> DEEDS = List.of(List.of("lấy"), List.of("cầm"), List.of("giữ"), List.of("tiêu"),
            List.of("đánh"), List.of("đập"), List.of("chửi"), List.of("bắt"), List.of("ép"), List.of("cấm"), List.of("đuổi"),
            List.of("dọa"), List.of("đe", "dọa"), List.of("bán"), List.of("lừa"), List.of("cướp"), List.of("trộm"),
            List.of("không", "cho"), List.of("chẳng", "cho"));
    /** How many words may come between who acted and the deed ("chồng em hay lấy", "ck e lại cầm hết"). */
    private static final int WITHIN = 3;

    private Reports() {
    }

    /** {@code syllables}: the message's normalised syllables, teencode expanded, diacritics kept. */
    static boolean tellsWhatSomeoneDid(List<String> syllables) {
        for (int i = 0; i < syllables.size(); i++) {
            int after = actorEndsAt(syllables, i);
            if (after < 0) {
                continue;
            }
            for (int j = after; j < Math.min(syllables.size(), after + WITHIN + 1); j++) {
                for (List<String> deed : DEEDS) {
                    if (matchesAt(syllables, j, deed)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The index after the actor starting at {@code i}, or -1. */
    private static int actorEndsAt(List<String> syllables, int i) {
        if (ACTORS.stream().anyMatch(a -> same(syllables.get(i), a))) {
            return i + 1;
        }
        for (List<String> actor : TWO_WORD_ACTORS) {
            if (matchesAt(syllables, i, actor)) {
                return i + actor.size();
            }
        }
        return -1;
    }

    private static boolean matchesAt(List<String> syllables, int start, List<String> words) {
        if (start + words.size() > syllables.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!same(syllables.get(start + k), words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The word as written, or typed without diacritics: then it may be any word that folds the same. */
    private static boolean same(String typed, String word) {
        return typed.equals(word) || Folding.fold(typed).equals(typed) && Folding.fold(word).equals(typed);
    }
}
