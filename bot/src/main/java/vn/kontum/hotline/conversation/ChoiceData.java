package vn.kontum.hotline.conversation;

import java.util.Optional;

import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.nlp.Topic;

/** What the bot's buttons send back: short, and never text a woman would type. */
final class ChoiceData {

    static final String TOPIC = "#topic:";
    static final String COMMUNE = "#commune:";
    static final String VILLAGE = "#village:";
    static final String SKIP = "#skip";
    static final String PERSON = "#person";

    private ChoiceData() {
    }

    static Choice topic(Topic topic, String label) {
        return new Choice(TOPIC + topic.label(), label);
    }

    static boolean isPlace(String data) {
        return data.startsWith(COMMUNE) || data.startsWith(VILLAGE);
    }

    static Optional<Intent> intentOf(String data) {
        if (data.startsWith(TOPIC)) {
            return Topic.fromLabel(data.substring(TOPIC.length())).map(Intent.ChooseTopic::new);
        }
        if (data.startsWith(COMMUNE) && data.length() > COMMUNE.length()) {
            return Optional.of(new Intent.ChooseCommune(data.substring(COMMUNE.length())));
        }
        if (data.startsWith(VILLAGE) && data.length() > VILLAGE.length()) {
            return Optional.of(new Intent.ChooseVillage(data.substring(VILLAGE.length())));
        }
        if (data.equals(SKIP)) {
            return Optional.of(new Intent.Skip());
        }
        if (data.equals(PERSON)) {
            return Optional.of(new Intent.TalkToPerson());
        }
        return Optional.empty();
    }
}
