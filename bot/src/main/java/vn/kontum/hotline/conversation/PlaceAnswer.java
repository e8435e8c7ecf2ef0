package vn.kontum.hotline.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import vn.kontum.hotline.delivery.Choice;

/**
 * Her commune or village typed rather than chosen: "dak cam", "đắk cấm", "em ở xã Đăk Cấm ạ" all answer "Xã Đăk
 * Cấm". Only the whole message counts, less a few words before (I live in, commune, village) and after (polite
 * endings): "chồng em ở Đăk Cấm đánh em" is a story, not an answer, and goes to the classifier.
 */
final class PlaceAnswer {

    /**
     * Words that may come before a place's name, folded: who, "in", and the kinds of place a label starts with. Not
     * "plei" or "buôn", which begin names ("Plei Đôn").
     */
    private static final Set<String> BEFORE = Set.of("em", "e", "toi", "minh", "chi", "nha", "o", "tai", "la", "thuoc",
            "song", "xa", "phuong", "p", "thon", "lang");
    /** Polite endings and fillers after it. */
    private static final Set<String> AFTER = Set.of("a", "ak", "ah", "nhe", "nha", "day", "do", "vay", "chi", "oi", "ne");
    /** Of a label, only the kind of place goes. */
    private static final Set<String> LABEL_KIND = Set.of("xa", "phuong", "thon", "lang");

    /** Words that say a message is about where she lives, folded: "ở", the kinds of place, the first word of many names. */
    private static final Set<String> PLACE_WORDS = Set.of("o", "tai", "xa", "phuong", "p", "thon", "lang", "plei", "kon", "buon",
            "dak", "ia", "to", "khu", "so");

    private PlaceAnswer() {
    }

    /**
     * Whether the message holds nothing but where she lives: words of the directory's places, the kinds of place,
     * "ở", numbers and polite endings ("thôn 3", "e o thon 3 a", "thon 5 xa ia chim"), one of them at least a word
     * of place ("máu" alone is not "mẫu" of a sample village's name). No word of danger can be among them; the
     * urgency model read "thôn 3" as urgent (the corpus's emergencies say where they happen).
     */
    static boolean onlyAPlace(String simple, Names names) {
        String[] words = simple.split("[\\s\\p{Punct}]+");
        boolean placeWord = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!(PLACE_WORDS.contains(word) || BEFORE.contains(word) || AFTER.contains(word) || names.words().contains(word)
                    || word.chars().allMatch(Character::isDigit))) {
                return false;
            }
            placeWord |= PLACE_WORDS.contains(word);
        }
        return placeWord;
    }

    /**
     * Whether a short message reads as an answer to "where do you live" ("e o lang kon ktu", "thôn 4", "số 9"), though
     * it names no place of the list: then the list is asked again rather than the words read as a story.
     */
    static boolean soundsLikeAPlace(String simple) {
        String[] words = simple.split(" ");
        return words.length <= 8 && Arrays.stream(words).anyMatch(PLACE_WORDS::contains);
    }

    /** The one place among the choices offered that {@code simple} (a {@link IntentReader#simplify simplified} message) names, or -1. */
    static int indexOf(String simple, List<Choice> offered) {
        return indexOf(simple, Names.of(offered));
    }

    /**
     * The places of a list of choices as their names are compared (null for a choice that is not a place): made once
     * for a list asked again and again, the whole directory.
     */
    record Names(List<Choice> choices, List<@org.jspecify.annotations.Nullable String> cores, Set<String> words) {

        static Names of(List<Choice> choices) {
            List<@org.jspecify.annotations.Nullable String> cores = new java.util.ArrayList<>(choices.size());
            Set<String> words = new java.util.HashSet<>();
            for (Choice choice : choices) {
                boolean place = ChoiceData.isPlace(choice.data());
                String simple = IntentReader.simplify(choice.label());
                cores.add(place ? core(simple, LABEL_KIND) : null);
                if (place) {
                    Arrays.stream(simple.split("[\\s\\p{Punct}]+")).filter(w -> !w.isEmpty()).forEach(words::add);
                }
            }
            return new Names(List.copyOf(choices), java.util.Collections.unmodifiableList(cores), Set.copyOf(words));
        }
    }

    /** As {@link #indexOf(String, List)}, with the names made already. */
    static int indexOf(String simple, Names names) {
        String answer = core(simple, BEFORE);
        if (answer.length() < 3) {
            return -1;
        }
        int exact = only(answer, names, 0);
        // One letter off ("kon klo 2" for Kon Klor 2) in a name long enough that one letter does not make another.
        return exact != NONE ? exact : answer.length() >= MIN_FOR_TYPO ? only(answer, names, 1) : NONE;
    }

    /**
     * The one place of the list named after its kind in a longer message ("chị ơi em ở xã Ia Chim, chồng em đang đánh
     * em"), exactly, or -1. The kind is needed: "Hòa Bình", "Lê Lợi" or "Quang Trung" alone are also words and streets.
     */
    static int mentionedIn(String simple, Names names) {
        List<String> words = Arrays.stream(simple.split("[\\s\\p{Punct}]+")).filter(w -> !w.isEmpty()).toList();
        int found = NONE;
        for (int i = 0; i < words.size(); i++) {
            if (!LABEL_KIND.contains(words.get(i))) {
                continue;
            }
            StringBuilder name = new StringBuilder();
            for (int j = i + 1; j < Math.min(words.size(), i + 6); j++) {
                name.append(words.get(j));
                int at = only(name.toString(), names, 0);
                if (at != NONE) {
                    if (found != NONE && found != at) {
                        return NONE; // two places named: which is hers is for her to say
                    }
                    found = at;
                }
            }
        }
        return found;
    }

    private static final int NONE = -1;
    private static final int MIN_FOR_TYPO = 6;

    /** The one offered place whose name is within {@code typos} edits of the answer; none if two are. */
    private static int only(String answer, Names names, int typos) {
        int found = NONE;
        for (int i = 0; i < names.cores().size(); i++) {
            String name = names.cores().get(i);
            if (name == null) {
                continue;
            }
            if (name.length() >= 3 && !name.chars().allMatch(Character::isDigit) && (typos == 0 ? name.equals(answer)
                    : name.length() >= MIN_FOR_TYPO && withinOneEdit(name, answer) && sameDigits(name, answer))) {
                if (found != NONE) {
                    return NONE; // two places of that name: she must choose
                }
                found = i;
            }
        }
        return found;
    }

    /** "kon klor 3" is not a typo of Kon Klor 2: a number is never one letter off. */
    private static boolean sameDigits(String a, String b) {
        return a.replaceAll("\\D", "").equals(b.replaceAll("\\D", ""));
    }

    /** Equal, or one letter added, dropped or changed. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        if (i == shorter.length()) {
            return true;
        }
        // The rest must match after skipping one letter of the longer (added or dropped) or of both (changed).
        String rest = shorter.substring(longer.length() == shorter.length() ? i + 1 : i);
        return longer.substring(i + 1).equals(rest);
    }

    /** The words left once those before and the endings after are taken off, without spaces or punctuation. */
    private static String core(String simple, Set<String> before) {
        List<String> words = Arrays.stream(simple.split("[\\s\\p{Punct}]+")).filter(w -> !w.isEmpty()).toList();
        int from = 0;
        int to = words.size();
        while (to > from && AFTER.contains(words.get(to - 1))) {
            to--;
        }
        while (from < to - 1 && before.contains(words.get(from))) {
            from++;
        }
        return String.join("", words.subList(from, to));
    }
}
