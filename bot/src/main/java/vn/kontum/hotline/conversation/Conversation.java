package vn.kontum.hotline.conversation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Cases;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.conversation.Dialogue.DialogueState;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.Place;
import vn.kontum.hotline.knowledge.Knowledge;
import vn.kontum.hotline.knowledge.KnowledgeAnswer;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.oncall.OpeningHours;
import vn.kontum.hotline.safety.ConversationErasure;

/**
 * Decides the bot's answer to one message, inside the transaction that processes it. In order: the erase word,
 * safe hours, an answer to the buttons just offered, "gặp cán bộ"; anything else goes to the classifier. An
 * urgent message gets the emergency numbers and no question; a new contact gets the welcome and privacy
 * notice once; a common question gets its answer from the knowledge entries, with the offer of a person; where she
 * lives is asked once, and she can skip it; when the classifier is unsure, she is asked the topic. After the erase
 * word, nothing answered names her case, its service point or what she wrote before.
 */
@Component
class Conversation {

    private final MessageClassifier classifier;
    private final Cases cases;
    private final Contacts contacts;
    private final Directory directory;
    private final Dialogue dialogue;
    private final IntentReader reader;
    private final ReplyComposer replies;
    private final ConversationErasure erasure;
    private final Knowledge knowledge;
    private final OpeningHours openingHours;
    private final double askTopicBelow;

    Conversation(MessageClassifier classifier, Cases cases, Contacts contacts, Directory directory, Dialogue dialogue,
                 IntentReader reader, ReplyComposer replies, ConversationErasure erasure, Knowledge knowledge,
                 OpeningHours openingHours, @Value("${hotline.conversation.ask-topic-below:0.45}") double askTopicBelow) {
        this.classifier = classifier;
        this.cases = cases;
        this.contacts = contacts;
        this.directory = directory;
        this.dialogue = dialogue;
        this.reader = reader;
        this.replies = replies;
        this.erasure = erasure;
        this.knowledge = knowledge;
        this.openingHours = openingHours;
        this.askTopicBelow = askTopicBelow;
    }

    /** {@code understood}: what the classifier made of this text already (at the intake), if anyone knows. */
    Turn respond(Contact contact, String text, @Nullable Classification understood, OffsetDateTime now) {
        DialogueState state = dialogue.load(contact.id());
        Intent intent = reader.read(text, state.offered());
        String simple = IntentReader.simplify(text); // once, for the place checks below (every message takes this path)
        if (intent instanceof Intent.FreeText) {
            intent = namedPlace(simple).orElse(intent);
        }
        return switch (intent) {
            case Intent.Erase e -> erase(contact, now);
            case Intent.SetSafeHours h -> safeHours(contact, h.hours(), state);
            case Intent.TalkToPerson p -> person(contact, state, now);
            case Intent.ChooseTopic t -> topic(contact, t.topic(), state, now);
            case Intent.ChooseCommune c when directory.communeName(c.communeId()).isPresent() -> commune(contact, c.communeId(), state, now);
            case Intent.ChooseVillage v when directory.communeOfVillage(v.villageId()).isPresent() -> village(contact, v.villageId(), state, now);
            case Intent.Start s -> start(contact, s.villageCode(), state);
            case Intent.ChooseAgain a -> {
                // The same choices stay offered: her next number still means what it says beside it.
                Reply again = replies.chooseAgain(state.offered(), ReplyComposer.VIETNAMESE);
                yield Turn.answer(cases.openCaseOf(contact).orElse(null), "choose-again", again);
            }
            case Intent.Skip s -> {
                dialogue.save(contact.id(), state, state.offering(List.of()));
                yield Turn.answer(cases.openCaseOf(contact).orElse(null), "skip", replies.skipped(ReplyComposer.VIETNAMESE));
            }
            default -> understand(contact, text, simple, understood, state, now);
        };
    }

    /** Longer than this, a message is more than a place's name (with "em ở xã ... ạ" around it). */
    private static final int PLACE_WORDS_AT_MOST = 8;

    /**
     * Her commune or village, named when no list of them was offered: in her first message, in answer to the urgent
     * reply's "which village", or after the question has gone by. Read by the classifier, a village's name made her
     * case urgent ("kon klor", "plei đôn"); read as her place, it brings the case to the service point near her.
     */
    private Optional<Intent> namedPlace(String simple) {
        if (simple.isEmpty() || simple.split(" ").length > PLACE_WORDS_AT_MOST) {
            return Optional.empty();
        }
        PlaceAnswer.Names names = directoryNames();
        int found = PlaceAnswer.indexOf(simple, names);
        return found < 0 ? Optional.empty() : ChoiceData.intentOf(names.choices().get(found).data());
    }

    /**
     * Her commune or village named after its kind in a longer message ("em ở xã Ia Chim, chồng em đang đánh em"), when
     * none is known yet: her case, urgent or not, goes to the service point near her, and she is not asked again.
     */
    private Contact withPlaceNamed(Contact contact, String simple) {
        if (contact.villageId() != null || contact.communeId() != null) {
            return contact;
        }
        PlaceAnswer.Names names = directoryNames();
        int found = PlaceAnswer.mentionedIn(simple, names);
        Intent place = found < 0 ? null : ChoiceData.intentOf(names.choices().get(found).data()).orElse(null);
        String village = place instanceof Intent.ChooseVillage v ? v.villageId() : null;
        String commune = place instanceof Intent.ChooseCommune c ? c.communeId()
                : village != null ? directory.communeOfVillage(village).orElse(null) : null;
        if (commune == null) {
            return contact;
        }
        contacts.locate(contact.id(), commune, village);
        return new Contact(contact.id(), contact.channel(), contact.channelUserId(), village, commune);
    }

    private record DirectoryNames(Directory.Places places, PlaceAnswer.Names names) {
    }

    private volatile @Nullable DirectoryNames directoryNames;

    /** The directory's places as compared, made again only when the directory's cached places change (a minute). */
    private PlaceAnswer.Names directoryNames() {
        Directory.Places places = directory.places();
        DirectoryNames known = directoryNames;
        if (known != null && known.places() == places) {
            return known.names();
        }
        List<vn.kontum.hotline.delivery.Choice> named = new java.util.ArrayList<>();
        places.communes().forEach(c -> named.add(new vn.kontum.hotline.delivery.Choice(ChoiceData.COMMUNE + c.id(), c.name())));
        places.villages().forEach(v -> named.add(new vn.kontum.hotline.delivery.Choice(ChoiceData.VILLAGE + v.id(), v.name())));
        DirectoryNames made = new DirectoryNames(places, PlaceAnswer.Names.of(named));
        directoryNames = made;
        return made.names();
    }

    /** {@code simple}: the text {@link IntentReader#simplify simplified}, for the place checks. */
    private Turn understand(Contact unplaced, String text, String simple, @Nullable Classification understood, DialogueState state,
                            OffsetDateTime now) {
        boolean sameModel = understood != null && understood.modelVersion().equals(classifier.modelVersion());
        Classification c = sameModel ? understood : classifier.classify(text);
        if (c.urgent() && PlaceAnswer.onlyAPlace(simple, directoryNames())) {
            // "thôn 3", "e o thon 3 a": where she lives, not danger (the corpus's emergencies often say where).
            c = new Classification(c.topic(), c.confidence(), false, c.modelVersion());
        }
        Contact contact = withPlaceNamed(unplaced, simple);
        CaseRef ref = cases.caseFor(contact, c, now);
        if (contact != unplaced && !ref.opened()) {
            ref = cases.relocate(contact, now).orElse(ref);
        }
        boolean first = !state.welcomed();
        Reply reply;
        String step;
        DialogueState next = state.welcomed(true);
        if (!ref.opened() && erasure.erasedDuring(contact.id(), ref.id())) {
            reply = replies.afterErasing(c.urgent(), ReplyComposer.VIETNAMESE);
            step = "after-erase";
        } else if (reader.asksForSilence(text)) {
            // "ck e ve roi, dung nhan lai": he is back. Nothing that names the hotline or promises a message; the
            // officers read her words (and an urgent case is alerted as any other), warned above their reply box.
            contacts.askedForSilence(contact.id(), now);
            reply = replies.afterErasing(c.urgent(), ReplyComposer.VIETNAMESE);
            step = "silence";
        } else if (c.urgent()) {
            reply = replies.urgent(ref, first, ReplyComposer.VIETNAMESE);
            step = "urgent";
        } else if (!ref.opened() && placeUnknown(simple, c, state)) {
            // "e o lang kon ktu" to "which commune?": a place not in the list, not a story. Asked again, the list kept.
            reply = replies.placeNotFound(state.offered(), ReplyComposer.VIETNAMESE);
            step = "place-not-found";
        } else if (ref.opened() && (c.topic() == Topic.OTHER || c.confidence() < askTopicBelow)) {
            reply = replies.askTopic(first, true, ReplyComposer.VIETNAMESE);
            step = "ask-topic";
        } else {
            List<Place> communes = shouldAskLocation(contact, state, ref) ? directory.communes() : List.of();
            // A knowledge answer is long: sent once per conversation, not again for the same question.
            Optional<KnowledgeAnswer> answer = knowledge.answerFor(c.label(), text).filter(a -> !state.answered().contains(a.id()));
            reply = replies.understood(ref, ref.opened(), first, answer.map(KnowledgeAnswer::answer).orElse(""), communes,
                    afterHours(ref, now), ReplyComposer.VIETNAMESE);
            next = communes.isEmpty() ? next : next.askedLocation();
            if (answer.isPresent()) {
                next = next.answering(answer.get().id());
            }
            step = ref.opened() ? "routed" : "follow-up";
        }
        dialogue.save(contact.id(), state, next.offering(reply.choices()));
        return new Turn(ref.id(), ref.opened(), ref.servicePoint().id(), c.label(), c.confidence(), c.urgent(), c.modelVersion(), step, reply);
    }

    /**
     * She opened the bot: the welcome and the topics, no case yet. From a village's poster, her village is known
     * from the start, and the case she opens goes to that village's service point.
     */
    private Turn start(Contact contact, @Nullable String villageCode, DialogueState state) {
        boolean located = false;
        if (villageCode != null) {
            Optional<String> commune = directory.communeOfVillage(villageCode);
            if (commune.isPresent()) {
                contacts.locate(contact.id(), commune.get(), villageCode);
                located = true;
            }
        }
        Optional<CaseRef> open = cases.openCaseOf(contact);
        if (erased(contact, open)) {
            // /start again on her phone after the erase word: no welcome that names the hotline.
            dialogue.save(contact.id(), state, state.welcomed(true).offering(List.of()));
            return Turn.answer(open.get(), "start-after-erase", replies.afterErasing(false, ReplyComposer.VIETNAMESE));
        }
        Reply reply = replies.askTopic(!state.welcomed(), false, ReplyComposer.VIETNAMESE);
        DialogueState next = state.welcomed(true).offering(reply.choices());
        dialogue.save(contact.id(), state, located ? next.askedLocation() : next);
        return Turn.answer(open.orElse(null), "start", reply);
    }

    private Turn topic(Contact contact, Topic topic, DialogueState state, OffsetDateTime now) {
        CaseRef ref = cases.chooseTopic(contact, topic, classifier.modelVersion(), now);
        if (!ref.opened() && erased(contact, Optional.of(ref))) {
            // A topic button left on her phone from before the erase word (Telegram keeps messages older than 48 h).
            dialogue.save(contact.id(), state, state.welcomed(true).offering(List.of()));
            return Turn.answer(ref, "topic-after-erase", replies.afterErasing(false, ReplyComposer.VIETNAMESE));
        }
        List<Place> communes = shouldAskLocation(contact, state, ref) ? directory.communes() : List.of();
        Reply reply = replies.understood(ref, true, !state.welcomed(), "", communes, afterHours(ref, now), ReplyComposer.VIETNAMESE);
        DialogueState next = state.welcomed(true).offering(reply.choices());
        dialogue.save(contact.id(), state, communes.isEmpty() ? next : next.askedLocation());
        return Turn.answer(ref, "topic", reply);
    }

    private Turn commune(Contact contact, String communeId, DialogueState state, OffsetDateTime now) {
        contacts.locate(contact.id(), communeId, null);
        Optional<CaseRef> ref = cases.relocate(new Contact(contact.id(), contact.channel(), contact.channelUserId(), null, communeId), now);
        List<Place> villages = directory.villagesOf(communeId);
        boolean welcome = welcomeDue(contact, state, ref.orElse(null));
        Reply reply = erased(contact, ref) ? replies.afterErasing(false, ReplyComposer.VIETNAMESE)
                : !villages.isEmpty()
                ? replies.askVillage(directory.communeName(communeId).orElse(""), villages, ReplyComposer.VIETNAMESE)
                : ref.map(r -> replies.located(r, ReplyComposer.VIETNAMESE)).orElseGet(() -> replies.skipped(ReplyComposer.VIETNAMESE));
        reply = welcome ? replies.welcomeFirst(reply, ReplyComposer.VIETNAMESE) : reply;
        dialogue.save(contact.id(), state, state.askedLocation().welcomed(state.welcomed() || welcome).offering(reply.choices()));
        return Turn.answer(ref.orElse(null), "commune", reply);
    }

    private Turn village(Contact contact, String villageId, DialogueState state, OffsetDateTime now) {
        String communeId = directory.communeOfVillage(villageId).orElseThrow();
        contacts.locate(contact.id(), communeId, villageId);
        Optional<CaseRef> ref = cases.relocate(new Contact(contact.id(), contact.channel(), contact.channelUserId(), villageId, communeId), now);
        boolean welcome = welcomeDue(contact, state, ref.orElse(null));
        Reply reply = erased(contact, ref) ? replies.afterErasing(false, ReplyComposer.VIETNAMESE)
                : ref.map(r -> replies.located(r, ReplyComposer.VIETNAMESE)).orElseGet(() -> replies.skipped(ReplyComposer.VIETNAMESE));
        reply = welcome ? replies.welcomeFirst(reply, ReplyComposer.VIETNAMESE) : reply;
        dialogue.save(contact.id(), state, state.askedLocation().welcomed(state.welcomed() || welcome).offering(List.of()));
        return Turn.answer(ref.orElse(null), "village", reply);
    }

    /** Whether she erased the conversation of this case: whoever writes may not be her, so nothing of it is said. */
    private boolean erased(Contact contact, Optional<CaseRef> ref) {
        return ref.isPresent() && erasure.erasedDuring(contact.id(), ref.get().id());
    }

    /**
     * Officers are asked to answer her case. After the erase word the answer names neither the service point nor its
     * phone, as no answer then does: whoever holds her phone would learn where she asked for help.
     */
    private Turn person(Contact contact, DialogueState state, OffsetDateTime now) {
        CaseRef ref = cases.requestPerson(contact, classifier.modelVersion(), now);
        boolean erased = !ref.opened() && erasure.erasedDuring(contact.id(), ref.id());
        boolean welcome = !erased && welcomeDue(contact, state, ref);
        dialogue.save(contact.id(), state, state.welcomed(true).offering(List.of()));
        if (erased) {
            return Turn.answer(ref, "person-after-erase", replies.afterErasing(false, ReplyComposer.VIETNAMESE));
        }
        return Turn.answer(ref, "person", replies.person(ref, afterHours(ref, now), welcome, ReplyComposer.VIETNAMESE));
    }

    private Turn safeHours(Contact contact, @Nullable SafeHours hours, DialogueState state) {
        contacts.setSafeHours(contact.id(), hours);
        CaseRef open = cases.openCaseOf(contact).orElse(null);
        boolean welcome = welcomeDue(contact, state, open);
        dialogue.save(contact.id(), state, (welcome ? state.welcomed(true) : state).offering(List.of()));
        return Turn.answer(open, "safe-hours", replies.safeHours(hours, welcome, ReplyComposer.VIETNAMESE));
    }

    /**
     * The welcome and privacy notice, once, whatever her first message asks. Not on a case whose conversation she
     * erased: whoever writes now may not be her (the erase word forgets that she was welcomed, too).
     */
    private boolean welcomeDue(Contact contact, DialogueState state, @Nullable CaseRef ref) {
        return !state.welcomed() && (ref == null || ref.opened() || !erasure.erasedDuring(contact.id(), ref.id()));
    }

    private Turn erase(Contact contact, OffsetDateTime now) {
        erasure.erase(contact, now);
        dialogue.forget(contact.id());
        return Turn.answer(cases.openCaseOf(contact).orElse(null), "erase", replies.erased(ReplyComposer.VIETNAMESE));
    }

    /**
     * When the case's service point opens next, if it is closed now (the answer then says when a person will answer).
     * Never for an urgent case: its on-call officers are alerted at any hour, and "from 7:30" would contradict that.
     */
    private @Nullable OffsetDateTime afterHours(CaseRef ref, OffsetDateTime now) {
        if (ref.priority() == Priority.URGENT) {
            return null;
        }
        return openingHours.isOpen(ref.servicePoint().id(), now) ? null : openingHours.nextOpening(ref.servicePoint().id(), now);
    }

    /** Places were offered, and she answered with words of a place that is not among them, nothing the classifier knows. */
    private boolean placeUnknown(String simple, Classification c, DialogueState state) {
        return state.offered().stream().anyMatch(o -> ChoiceData.isPlace(o.data()))
                && (c.topic() == Topic.OTHER || c.confidence() < askTopicBelow)
                && PlaceAnswer.soundsLikeAPlace(simple);
    }

    /** Once, for a new case, when she has not said where she lives: the nearest service point can then answer. */
    private static boolean shouldAskLocation(Contact contact, DialogueState state, CaseRef ref) {
        return !state.locationAsked() && contact.villageId() == null && contact.communeId() == null && ref.priority() != Priority.URGENT;
    }
}
