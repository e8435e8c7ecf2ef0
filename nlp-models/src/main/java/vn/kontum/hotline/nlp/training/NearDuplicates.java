package vn.kontum.hotline.nlp.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.kontum.hotline.nlp.text.Folding;

/**
 * Finds corpus lines that are near-copies of each other: word 3-gram shingles of the folded text (the whole
 * text when shorter than three words), Jaccard similarity at or above {@link #SIMILARITY}. A corpus made of
 * template variations teaches the model the templates, not the way people write.
 */
public final class NearDuplicates {

    public static final double SIMILARITY = 0.7;
    /** The build fails when more than this share of the lines has a near-duplicate. */
    public static final double MAX_SHARE = 0.03;

    public record Pair(Sample first, Sample second, double similarity) {
    }

    public record Report(int lines, Set<Integer> flagged, List<Pair> pairs) {
        public double share() {
            return lines == 0 ? 0 : (double) flagged.size() / lines;
        }

        public boolean acceptable() {
            return share() <= MAX_SHARE;
        }
    }

    private NearDuplicates() {
    }

    public static Report find(List<Sample> samples) {
        List<Set<String>> shingles = samples.stream().map(s -> shingles(s.text())).toList();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < shingles.size(); i++) {
            for (String s : shingles.get(i)) {
                index.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Integer> flagged = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < shingles.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String s : shingles.get(i)) {
                for (int j : index.get(s)) {
                    if (j > i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                int j = e.getKey();
                int union = shingles.get(i).size() + shingles.get(j).size() - e.getValue();
                double similarity = (double) e.getValue() / union;
                if (similarity >= SIMILARITY) {
                    flagged.add(i);
                    flagged.add(j);
                    pairs.add(new Pair(samples.get(i), samples.get(j), similarity));
                }
            }
        }
        return new Report(samples.size(), flagged, pairs);
    }

    static Set<String> shingles(String text) {
        String[] words = Folding.fold(text).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim().split(" ");
        Set<String> out = new HashSet<>();
        if (words.length < 3) {
            out.add(String.join(" ", words));
            return out;
        }
        for (int i = 0; i + 3 <= words.length; i++) {
            out.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
        }
        return out;
    }
}
