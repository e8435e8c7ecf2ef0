package vn.kontum.hotline.conversation;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.nlp.Topic;

/** What a message asks of the bot, before (or instead of) what the classifier makes of it. */
sealed interface Intent {

    /** Words to understand: the classifier's work. */
    record FreeText() implements Intent {
    }

    /** The erase word: erase the conversation and answer with something harmless. */
    record Erase() implements Intent {
    }

    /** "Only reply between 9 and 11"; null hours: any time again. */
    record SetSafeHours(@Nullable SafeHours hours) implements Intent {
    }

    /** "Gặp cán bộ": a person, not the bot. */
    record TalkToPerson() implements Intent {
    }

    record ChooseTopic(Topic topic) implements Intent {
    }

    record ChooseCommune(String communeId) implements Intent {
    }

    record ChooseVillage(String villageId) implements Intent {
    }

    /**
     * Telegram's /start, when she opens the bot; {@code villageCode} from a deep link (a poster's QR code for
     * her village: {@code t.me/<bot>?start=v-<village id>}).
     */
    record Start(@Nullable String villageCode) implements Intent {
    }

    /** She would rather not answer the question (or does not know: "k biết"). */
    record Skip() implements Intent {
    }

    /** A number that is none of the choices offered ("7" of five): the same choices again, not silence. */
    record ChooseAgain() implements Intent {
    }
}
