package vn.kontum.hotline.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.delivery.TextParts;
import vn.kontum.hotline.directory.Place;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a woman reads on a cheap phone: no message of the bot is longer than {@value #MAX_MESSAGE} characters (a
 * screen and a bit of a small phone), but the one that carries a common question's answer, which holds that answer
 * (at most 900 characters, as coordinators write it) and the offer of a person, nothing else. Every reply, in every
 * case it is made in, with the longest names and phone numbers of the sample directory, its communes and villages,
 * and every shipped answer.
 */
class RepliesOnAPhoneTest {

    static final int MAX_MESSAGE = 650;
    /** What may follow the answer in its message: the offer of a person, and its button written out. */
    static final int AFTER_ANSWER = 120;
    private static final List<String> CATEGORIES = List.of("violence", "trafficking", "safe_delivery", "savings_loans", "other");

    private final ReplyComposer replies = new ReplyComposer(ReplyComposerTest.bundles());
    private final Map<String, Object> directory = yaml("/directory/sample-directory.yml");

    @Test
    void every_message_of_every_reply_fits_a_phone_screen_but_a_common_questions_answer() {
        assertThat(allReplies()).hasSizeGreaterThan(1000).allSatisfy(m -> {
            List<String> messages = TextParts.messages(m.reply().text());
            assertThat(messages).as(m.what()).hasSizeBetween(1, 3);
            for (String message : messages) {
                if (!m.answer().isEmpty() && message.contains(m.answer())) {
                    assertThat(message).as(m.what()).startsWith(m.answer());
                    assertThat(message.length() - m.answer().length()).as(m.what()).isLessThanOrEqualTo(AFTER_ANSWER);
                } else {
                    assertThat(message.length()).as(m.what() + ":\n" + message).isLessThanOrEqualTo(MAX_MESSAGE);
                }
            }
        });
    }

    /** Every reply, in every case it is made in, with the longest names and every shipped answer. */
    private List<Made> allReplies() {
        ServicePoint longest = new ServicePoint("sp", ServicePointKind.WOMENS_UNION, longest("service-points", "name", true),
                null, longest("service-points", "phone", true));
        List<Place> communes = places("communes");
        List<String> answers = new ArrayList<>(knowledgeAnswers());
        answers.add("");
        OffsetDateTime opening = OffsetDateTime.of(2027, 12, 31, 3, 30, 0, 0, ZoneOffset.UTC);
        List<Made> made = new ArrayList<>();
        for (String category : CATEGORIES) {
            for (Priority priority : Priority.values()) {
                for (boolean opened : List.of(true, false)) {
                    CaseRef ref = new CaseRef(1, opened, category, priority, longest);
                    for (boolean first : List.of(true, false)) {
                        made.add(new Made("urgent " + category + (first ? " first" : ""), replies.urgent(ref, first, ReplyComposer.VIETNAMESE), ""));
                        for (String answer : answers) {
                            for (List<Place> asked : List.of(communes, List.<Place>of())) {
                                for (OffsetDateTime next : nullOr(opening)) {
                                    made.add(new Made("understood " + category + " " + priority + (opened ? " opened" : "") + (first ? " first" : "")
                                            + (answer.isEmpty() ? "" : " answered") + (asked.isEmpty() ? "" : " asking") + (next == null ? "" : " after hours"),
                                            replies.understood(ref, opened, first, answer, asked, next, ReplyComposer.VIETNAMESE), answer));
                                }
                            }
                        }
                        for (OffsetDateTime next : nullOr(opening)) {
                            made.add(new Made("person", replies.person(ref, next, first, ReplyComposer.VIETNAMESE), ""));
                        }
                    }
                    made.add(new Made("located", replies.located(ref, ReplyComposer.VIETNAMESE), ""));
                }
            }
        }
        for (boolean first : List.of(true, false)) {
            for (boolean received : List.of(true, false)) {
                made.add(new Made("topics", replies.askTopic(first, received, ReplyComposer.VIETNAMESE), ""));
            }
            made.add(new Made("safe hours", replies.safeHours(new SafeHours(21, 23), first, ReplyComposer.VIETNAMESE), ""));
            made.add(new Made("safe hours cleared", replies.safeHours(null, first, ReplyComposer.VIETNAMESE), ""));
        }
        for (Place commune : communes) {
            Reply villages = replies.askVillage(commune.name(), villagesOf(commune.id()), ReplyComposer.VIETNAMESE);
            made.add(new Made("villages of " + commune.name(), villages, ""));
            made.add(new Made("welcome, villages of " + commune.name(), replies.welcomeFirst(villages, ReplyComposer.VIETNAMESE), ""));
        }
        made.add(new Made("skipped", replies.skipped(ReplyComposer.VIETNAMESE), ""));
        made.add(new Made("place not found", replies.placeNotFound(replies.understood(new CaseRef(1, true, "other", Priority.NORMAL, longest), true,
                false, "", communes, null, ReplyComposer.VIETNAMESE).choices(), ReplyComposer.VIETNAMESE), ""));
        made.add(new Made("communes again", replies.chooseAgain(replies.understood(new CaseRef(1, true, "other", Priority.NORMAL, longest), true, false, "",
                communes, null, ReplyComposer.VIETNAMESE).choices(), ReplyComposer.VIETNAMESE), ""));
        made.add(new Made("erased", replies.erased(ReplyComposer.VIETNAMESE), ""));
        made.add(new Made("after erasing", replies.afterErasing(false, ReplyComposer.VIETNAMESE), ""));
        made.add(new Made("after erasing, urgent", replies.afterErasing(true, ReplyComposer.VIETNAMESE), ""));
        return made;
    }

    /**
     * An emergency number is given once in a reply (a common question's answer aside, which is the coordinators'
     * own): "call 113" twice in a message reads as a form, and the second tells her nothing new.
     */
    @Test
    void no_reply_gives_an_emergency_number_twice() {
        assertThat(allReplies()).allSatisfy(m -> {
            String said = TextParts.messages(m.reply().text()).stream().filter(message -> m.answer().isEmpty() || !message.contains(m.answer()))
                    .collect(java.util.stream.Collectors.joining("\n"));
            for (String number : List.of("113", "111", "115")) {
                assertThat(said.split(number, -1).length - 1).as(m.what() + ": " + number + " in\n" + said).isLessThanOrEqualTo(1);
            }
        });
    }

    private record Made(String what, Reply reply, String answer) {
    }

    private static List<@Nullable OffsetDateTime> nullOr(OffsetDateTime time) {
        List<@Nullable OffsetDateTime> out = new ArrayList<>();
        out.add(null);
        out.add(time);
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String list) {
        return (List<Map<String, Object>>) directory.get(list);
    }

    /** The longest value of a field; of the service points, those an answer can name (not the police, never the first). */
    private String longest(String list, String field, boolean routable) {
        return rows(list).stream().filter(r -> !routable || !"POLICE".equals(r.get("kind"))).map(r -> String.valueOf(r.get(field)))
                .max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    private List<Place> places(String list) {
        return rows(list).stream().map(r -> new Place((String) r.get("id"), (String) r.get("name"))).sorted(Comparator.comparing(Place::name)).toList();
    }

    private List<Place> villagesOf(String communeId) {
        return rows("villages").stream().filter(r -> communeId.equals(r.get("commune")))
                .map(r -> new Place((String) r.get("id"), (String) r.get("name"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> knowledgeAnswers() {
        return ((List<Map<String, Object>>) yaml("/knowledge/faq-vi.yml").get("entries")).stream()
                .map(e -> ((String) e.get("answer")).strip()).toList();
    }

    static Map<String, Object> yaml(String resource) {
        try (InputStream in = RepliesOnAPhoneTest.class.getResourceAsStream(resource)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
