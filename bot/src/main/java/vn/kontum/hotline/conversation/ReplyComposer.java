package vn.kontum.hotline.conversation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.delivery.TextParts;
import vn.kontum.hotline.directory.Place;
import vn.kontum.hotline.nlp.Topic;

/**
 * The bot's answers, all from the message bundles. Each is one reply, so that its parts cannot arrive out of order;
 * a long one is cut into short messages at {@link TextParts#MESSAGE_BREAK} (a cheap phone shows a screen or so at a
 * time): first where her case went and the phone to call, then a common question's answer, then the question of
 * where she lives with its list. To a message that looks urgent the emergency numbers come first, before anything
 * else, and no question follows.
 * <p>
 * Buttons are also written out as numbered lines: every phone can answer "2". A list (communes, villages, topics) is
 * numbered from 1 in its own order whatever else the reply holds, and the other choices (skip, a person) come after
 * it: "3" is always the same commune.
 */
@Component
class ReplyComposer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<Topic> TOPICS = List.of(Topic.VIOLENCE, Topic.TRAFFICKING, Topic.SAFE_DELIVERY, Topic.SAVINGS_LOANS);
    /** The categories whose reply.routed.* text says which number to call (113, or 115 for a birth). */
    private static final java.util.Set<String> ROUTES_GIVING_NUMBERS = java.util.Set.of(
            Topic.VIOLENCE.label(), Topic.TRAFFICKING.label(), Topic.SAFE_DELIVERY.label());

    private final MessageSource messages;

    ReplyComposer(MessageSource messages) {
        this.messages = messages;
    }

    /** Someone may be in danger now: the numbers to call, where the case went, and nothing to answer. */
    Reply urgent(CaseRef caseRef, boolean firstContact, Locale locale) {
        List<String> out = new ArrayList<>(3);
        // A medical emergency (bleeding, labour, convulsions) has the ambulance first.
        out.add(text(Topic.SAFE_DELIVERY.label().equals(caseRef.category())
                ? "reply.urgent.emergency-numbers.safe_delivery" : "reply.urgent.emergency-numbers", locale));
        // The numbers are just above: the follow-up says only who is being alerted.
        out.add(caseRef.opened() ? text("reply.urgent.routed", locale, place(caseRef), phone(caseRef))
                : text("reply.urgent.follow-up", locale, place(caseRef), phone(caseRef)));
        if (firstContact) {
            out.add(text("reply.welcome.short", locale));
        }
        return new Reply(String.join("\n\n", out), List.of(), true);
    }

    /**
     * The answer to words the classifier understood (or a topic she chose), in up to three short messages: where her
     * case went (or that it was added to), with the welcome the first time; an answer from the knowledge file if one
     * fits, with the offer of a person; once, where she lives, the communes numbered from 1, then "skip", then a
     * person when one was offered.
     */
    Reply understood(CaseRef caseRef, boolean announceRoute, boolean firstContact, String knowledgeAnswer, List<Place> askCommuneFrom,
                     @Nullable OffsetDateTime nextOpening, Locale locale) {
        List<String> route = new ArrayList<>(4);
        if (firstContact) {
            route.add(text("reply.welcome", locale));
        }
        boolean numbersGiven;
        if (announceRoute) {
            // The welcome already says that what she writes is kept confidential.
            if (!firstContact) {
                route.add(text("reply.received", locale));
            }
            route.add(text("reply.routed." + caseRef.category(), locale, place(caseRef), phone(caseRef)));
            numbersGiven = ROUTES_GIVING_NUMBERS.contains(caseRef.category());
        } else {
            boolean urgent = caseRef.priority() == Priority.URGENT;
            route.add(text(urgent ? "reply.follow-up.urgent" : "reply.follow-up", locale, place(caseRef), phone(caseRef)));
            numbersGiven = urgent;
        }
        if (nextOpening != null) {
            route.add(afterHours(nextOpening, !numbersGiven, locale));
        }
        List<List<String>> messages = new ArrayList<>(3);
        messages.add(route);
        List<Choice> choices = new ArrayList<>();
        if (!knowledgeAnswer.isEmpty()) {
            messages.add(List.of(knowledgeAnswer, text("reply.offer-person", locale)));
        }
        if (!askCommuneFrom.isEmpty()) {
            messages.add(List.of(text("reply.ask-commune", locale)));
            askCommuneFrom.forEach(c -> choices.add(new Choice(ChoiceData.COMMUNE + c.id(), c.name())));
            choices.add(new Choice(ChoiceData.SKIP, text("choice.skip", locale)));
        }
        if (!knowledgeAnswer.isEmpty()) {
            choices.add(new Choice(ChoiceData.PERSON, text("choice.person", locale)));
        }
        return withChoices(messages, choices, false);
    }

    /** Not sure what she needs: ask, with the four topics and a person as buttons. */
    Reply askTopic(boolean firstContact, boolean received, Locale locale) {
        List<String> out = new ArrayList<>(3);
        if (firstContact) {
            out.add(text("reply.welcome", locale));
        }
        if (received && !firstContact) { // the welcome already says that what she writes is kept confidential
            out.add(text("reply.received", locale));
        }
        out.add(text("reply.ask-topic", locale));
        List<Choice> choices = new ArrayList<>();
        TOPICS.forEach(t -> choices.add(ChoiceData.topic(t, text("choice.topic." + t.label(), locale))));
        choices.add(new Choice(ChoiceData.PERSON, text("choice.person", locale)));
        return withChoices(List.of(out), choices, false);
    }

    Reply askVillage(String communeName, List<Place> villages, Locale locale) {
        List<Choice> choices = new ArrayList<>();
        villages.forEach(v -> choices.add(new Choice(ChoiceData.VILLAGE + v.id(), v.name())));
        choices.add(new Choice(ChoiceData.SKIP, text("choice.skip", locale)));
        return withChoices(List.of(List.of(text("reply.ask-village", locale, communeName))), choices, false);
    }

    /**
     * The welcome (who reads, how to erase, safe hours) before a reply to a first message that was only her place
     * ("e o phuong duy tan"): it is said once, whatever she writes first.
     */
    Reply welcomeFirst(Reply reply, Locale locale) {
        return new Reply(text("reply.welcome", locale) + TextParts.MESSAGE_BREAK + reply.text(), reply.choices(), reply.urgent());
    }

    /** A number that is none of the choices: the same choices, numbered as before. */
    Reply chooseAgain(List<Choice> offered, Locale locale) {
        return withChoices(List.of(List.of(text("reply.choose-again", locale, offered.size()))), offered, false);
    }

    /** A place named that is not in the list: the same choices, numbered as before. */
    Reply placeNotFound(List<Choice> offered, Locale locale) {
        return withChoices(List.of(List.of(text("reply.place-not-found", locale, offered.size()))), offered, false);
    }

    Reply located(CaseRef caseRef, Locale locale) {
        return new Reply(text("reply.located", locale, place(caseRef), phone(caseRef)), List.of(), false);
    }

    Reply skipped(Locale locale) {
        return new Reply(text("reply.skipped", locale), List.of(), false);
    }

    /** A person will answer; the welcome first when this is her first message. */
    Reply person(CaseRef caseRef, @Nullable OffsetDateTime nextOpening, boolean firstContact, Locale locale) {
        List<String> out = new ArrayList<>(3);
        if (firstContact) {
            out.add(text("reply.welcome", locale));
        }
        if (nextOpening == null) {
            out.add(text("reply.person", locale, place(caseRef), phone(caseRef)));
        } else { // the numbers to call meanwhile come with the hour
            out.add(text("reply.person.later", locale, place(caseRef), phone(caseRef)));
            out.add(afterHours(nextOpening, true, locale));
        }
        return new Reply(String.join("\n\n", out), List.of(), false);
    }

    /**
     * Out of the service point's hours: when a person will answer, and the numbers for now unless the text before it
     * gave them (a number said twice in one message tells her nothing more).
     */
    private String afterHours(OffsetDateTime nextOpening, boolean withNumbers, Locale locale) {
        var local = nextOpening.atZoneSameInstant(SafeHours.KON_TUM);
        // By hand rather than String.format, whose parsing of the pattern showed in the profile of a night's burst.
        String when = text("reply.after-hours", locale, local.getHour() + ":" + twoDigits(local.getMinute()),
                twoDigits(local.getDayOfMonth()) + "/" + twoDigits(local.getMonthValue()));
        return withNumbers ? when + " " + text("reply.after-hours.numbers", locale) : when;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** After the erase word: nothing that tells a reader of her phone what was there. */
    Reply erased(Locale locale) {
        return new Reply(text("reply.erased", locale), List.of(), true);
    }

    /**
     * On a case whose conversation was erased: whoever holds her phone may be writing, so nothing of the case, the
     * service point or an earlier message; the emergency numbers alone when the words say danger.
     */
    Reply afterErasing(boolean urgent, Locale locale) {
        return new Reply(text(urgent ? "reply.urgent.emergency-numbers" : "reply.after-erase", locale), List.of(), urgent);
    }

    /** The hours confirmed; the welcome first when this is her first message. */
    Reply safeHours(@Nullable SafeHours hours, boolean firstContact, Locale locale) {
        String confirmed = hours == null ? text("reply.safe-hours.cleared", locale)
                : text("reply.safe-hours.set", locale, hours.fromHour(), hours.toHour());
        // Goes at once whatever the hour, as every answer to what she has just written (SafeHours.WHILE_SHE_WRITES).
        return new Reply(firstContact ? text("reply.welcome", locale) + "\n\n" + confirmed : confirmed, List.of(), false);
    }

    /**
     * The messages (each a list of paragraphs) as one reply, cut at {@link TextParts#MESSAGE_BREAK}; the choices
     * numbered under the last message, where the buttons are.
     */
    private Reply withChoices(List<List<String>> messages, List<Choice> choices, boolean urgent) {
        StringBuilder text = new StringBuilder();
        for (List<String> message : messages) {
            text.append(text.isEmpty() ? "" : TextParts.MESSAGE_BREAK).append(String.join("\n\n", message));
        }
        for (int i = 0; i < choices.size(); i++) {
            text.append(i == 0 ? "\n" : "").append('\n').append(i + 1).append(" - ").append(choices.get(i).label());
        }
        return new Reply(text.toString(), List.copyOf(choices), urgent);
    }

    private static String place(CaseRef caseRef) {
        return caseRef.servicePoint().name();
    }

    private static String phone(CaseRef caseRef) {
        return caseRef.servicePoint().phone() == null ? "" : caseRef.servicePoint().phone();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
