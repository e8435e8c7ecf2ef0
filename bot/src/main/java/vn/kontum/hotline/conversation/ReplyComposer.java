package vn.kontum.hotline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.Topic;

/**
 * The bot's answer to a message, all from the message bundles: one message, so that its parts cannot arrive
 * out of order. To a message that looks urgent, the emergency numbers come first, before anything else.
 */
@Component
class ReplyComposer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ReplyComposer(MessageSource messages) {
        this.messages = messages;
    }

    String reply(Classification classification, CaseRef caseRef, Locale locale) {
        return String.join("\n\n", parts(classification, caseRef, locale));
    }

    List<String> parts(Classification classification, CaseRef caseRef, Locale locale) {
        List<String> out = new ArrayList<>(3);
        String place = caseRef.servicePoint().name();
        String phone = caseRef.servicePoint().phone() == null ? "" : caseRef.servicePoint().phone();
        if (classification.urgent()) {
            out.add(text("reply.urgent.emergency-numbers", locale));
            out.add(text("reply.urgent.routed", locale, place, phone));
            return out;
        }
        if (classification.topic() == Topic.OTHER && caseRef.opened()) {
            out.add(text("reply.received", locale));
            out.add(text("reply.ask-topic", locale));
            return out;
        }
        if (caseRef.opened()) {
            out.add(text("reply.received", locale));
            out.add(text("reply.routed." + caseRef.category(), locale, place, phone));
        } else {
            out.add(text(caseRef.priority() == Priority.URGENT ? "reply.follow-up.urgent" : "reply.follow-up", locale, place, phone));
        }
        return out;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
