package vn.kontum.hotline.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.nlp.text.Folding;
import vn.kontum.hotline.safety.EraseWords;

/**
 * Reads the few things a message can ask of the bot itself: the erase word (alone or with a few words after it,
 * see {@link EraseWords}), safe hours, a person, or an answer
 * to the buttons just offered (the button, its label typed out, or its number; a place also by its name within a
 * few words, see {@link PlaceAnswer}). Everything else is free text
 * for the classifier. Matching ignores case and diacritics, as women type on a phone without a Vietnamese keyboard.
 */
@Component
class IntentReader {

    /**
     * The whole message must be the request ("/gio 9-11", "chỉ trả lời từ 9 đến 11 giờ", "only reply between 9 and
     * 11"): a story that happens to hold two numbers must not change when she is written to.
     */
    private static final Pattern SAFE_HOURS = Pattern.compile(
            "^(?:/gio|gio|gio an toan|chi (?:tra loi|nhan tin|lien lac)|only (?:reply|write|message)(?: me)?)"
                    + "(?: (?:tu|trong|vao|between|from))?(?: (?:khung )?gio)? ?(\\d{1,2}) ?(?:h|gio|:00)?"
                    + " ?(?:den|toi|-|and|to) ?(\\d{1,2}) ?(?:h|gio|:00)?(?: ?(sang|trua|chieu|toi|dem|am|pm))?(?: (?:thoi|nhe|nha|a|please))*$");
    private static final Set<String> CLEAR_SAFE_HOURS = Set.of("/gio", "/gio tat", "bo gio an toan", "any time");

    private final Set<String> eraseWords;
    private final List<String> personPhrases;
    private final List<String> silencePhrases;

    @org.springframework.beans.factory.annotation.Autowired
    IntentReader(@Value("${hotline.safety.erase-words:/xoa,xoa,xoá,xóa,/erase}") List<String> eraseWords,
                 @Value("${hotline.conversation.person-phrases:gap can bo,noi chuyen voi can bo,noi chuyen voi nguoi,gap nguoi that,"
                         + "can nguoi tu van,/canbo,talk to a person,talk to someone,speak to a person}") List<String> personPhrases,
                 @Value("${hotline.conversation.silence-phrases:" + SILENCE_PHRASES + "}") List<String> silencePhrases) {
        this.eraseWords = eraseWords.stream().map(IntentReader::simplify).collect(Collectors.toUnmodifiableSet());
        this.personPhrases = personPhrases.stream().map(IntentReader::simplify).filter(p -> !p.isEmpty()).toList();
        this.silencePhrases = silencePhrases.stream().map(IntentReader::simplify).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * Folded, so each must read as a request for silence with "nhận" (accept) in place of "nhắn" as well: not "dung
     * nhan nua" ("tổ không nhận nữa").
     */
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static final String SILENCE_PHRASES = "dung nhan lai,dung nhan tin,dung nt,dung nhan cho e,dung nhan cho em,dung tra loi,dung rep,"
            + "dung goi lai,dung goi dien,khoi nhan lai,khoi tra loi,khoi rep,dung nhan nua,thoi dung nhan,"
            // He is back: whatever else she writes, someone may read the answer over her shoulder.
            + "ck ve roi,ck ve r,ck e ve roi,ck e ve r,ck em ve roi,chong em ve roi,chong e ve roi,chong ve roi,hang ve roi,"
            + "do not reply,stop writing";

    IntentReader(List<String> eraseWords, List<String> personPhrases) {
        this(eraseWords, personPhrases, List.of(SILENCE_PHRASES.split(",")));
    }

    /**
     * Whether she asks not to be written to ("đừng nhắn lại", "dung tra loi nha"): someone may be beside her. The
     * message is still understood and recorded; only the answer changes. Not "dung nhan" alone: folded, it is also
     * "đừng nhận" (do not accept).
     */
    boolean asksForSilence(String text) {
        String padded = " " + SPACES.matcher(PUNCTUATION.matcher(simplify(text)).replaceAll(" ")).replaceAll(" ") + " ";
        return silencePhrases.stream().anyMatch(p -> padded.contains(" " + p + " "));
    }

    Intent read(String text, List<Choice> offered) {
        String trimmed = text.strip();
        String simple = simplify(trimmed);
        if (simple.isEmpty()) {
            return new Intent.FreeText();
        }
        if (eraseWords.contains(EraseWords.withoutTail(simple))) {
            return new Intent.Erase();
        }
        if (simple.equals("/start") || simple.startsWith("/start ")) {
            String payload = trimmed.substring("/start".length()).strip();
            return new Intent.Start(payload.startsWith("v-") && payload.length() > 2 ? payload.substring(2) : null);
        }
        Optional<Intent> hours = safeHours(simple);
        if (hours.isPresent()) {
            return hours.get();
        }
        Optional<Intent> chosen = chosen(trimmed, simple, offered);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        String padded = " " + simple + " ";
        if (personPhrases.stream().anyMatch(p -> padded.contains(" " + p + " "))) {
            return new Intent.TalkToPerson();
        }
        return new Intent.FreeText();
    }

    /** A button pressed (its data), its label typed, or its number; button data from an older message counts too. */
    private static Optional<Intent> chosen(String trimmed, String simple, List<Choice> offered) {
        if (trimmed.startsWith("#")) {
            return ChoiceData.intentOf(trimmed);
        }
        for (int i = 0; i < offered.size(); i++) {
            Choice c = offered.get(i);
            if (simple.equals(Integer.toString(i + 1)) || simple.equals(simplify(c.label()))) {
                return ChoiceData.intentOf(c.data());
            }
        }
        // Places by name, as she would type them; the other choices (a topic, skip) only as their label reads.
        int place = PlaceAnswer.indexOf(simple, offered);
        if (place >= 0) {
            return ChoiceData.intentOf(offered.get(place).data());
        }
        if (!offered.isEmpty() && NUMBER.matcher(simple).matches()) {
            return Optional.of(new Intent.ChooseAgain());
        }
        boolean skipOffered = offered.stream().anyMatch(c -> c.data().equals(ChoiceData.SKIP));
        return skipOffered && DOES_NOT_KNOW.matcher(simple).matches() ? Optional.of(new Intent.Skip()) : Optional.empty();
    }

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
    /**
     * "Không biết", "e k bit a", "chua ro": asked where she lives, she does not know or will not say; as "Bỏ qua".
     * Folded: "biet", "bit", "ro" (rõ), "nho" (nhớ).
     */
    private static final Pattern DOES_NOT_KNOW = Pattern.compile(
            "^(?:(?:em|e|toi|t|minh|mk|chi|c) )?(?:khong|ko|k|kh|hong|hok|hem|chua|cung khong|cung ko|cung k) (?:biet|bit|bik|ro|nho)"
                    + "(?: (?:o )?(?:thon|lang|xa|phuong)(?: nao| gi)?)?(?: (?:nua|lam|a|nha|nhe|chi|dau))*$");

    private static Optional<Intent> safeHours(String simple) {
        if (CLEAR_SAFE_HOURS.contains(simple)) {
            return Optional.of(new Intent.SetSafeHours(null));
        }
        Matcher m = SAFE_HOURS.matcher(simple);
        if (!m.matches()) {
            return Optional.empty();
        }
        int from = afternoon(Integer.parseInt(m.group(1)), m.group(3));
        int to = afternoon(Integer.parseInt(m.group(2)), m.group(3));
        if (from > 23 || to > 24 || from == to) {
            return Optional.empty();
        }
        return Optional.of(new Intent.SetSafeHours(new SafeHours(from, to)));
    }

    /** "8-10 tối" is 20 to 22, "2-4 chiều" 14 to 16, "10-12 đêm" 22 to 24; "sáng" and no word leave the hours as written. */
    private static int afternoon(int hour, @org.jspecify.annotations.Nullable String partOfDay) {
        if (partOfDay == null || hour >= 12) {
            return hour == 12 && "dem".equals(partOfDay) ? 24 : hour;
        }
        return switch (partOfDay) {
            case "chieu", "toi", "pm" -> hour + 12;
            case "dem" -> hour >= 6 ? hour + 12 : hour;
            case "trua" -> hour < 6 ? hour + 12 : hour;
            default -> hour;
        };
    }

    /** Lower case, no diacritics, no punctuation at the ends, single spaces. */
    static String simplify(String text) {
        String folded = Folding.fold(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return folded.replaceAll("^[\\p{Punct}&&[^/#]]+|[\\p{Punct}&&[^/#]]+$", "").strip();
    }
}
