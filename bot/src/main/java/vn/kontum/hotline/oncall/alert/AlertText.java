package vn.kontum.hotline.oncall.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of an alert, in Vietnamese: the case number, its category, the commune and village when known, the
 * service point and the path of the case's page. Never what the woman wrote, never her name: an officer's phone
 * is seen by others too.
 */
@Component
class AlertText {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final String consoleUrl;

    AlertText(MessageSource messages, @Value("${hotline.console-url:}") String consoleUrl) {
        this.messages = messages;
        this.consoleUrl = consoleUrl.strip().replaceAll("/+$", "");
    }

    String alert(long caseId, String category, String servicePoint, String commune, String village, int round,
                 OffsetDateTime raisedAt, OffsetDateTime now) {
        String where = commune.isEmpty() && village.isEmpty() ? ""
                : " (" + String.join(", ", java.util.stream.Stream.of(commune, village).filter(s -> !s.isEmpty()).toList()) + ")";
        String link = consoleUrl + "/admin/cases/" + caseId;
        String label = messages.getMessage("category." + category, null, category, VIETNAMESE);
        if (round == 0) {
            return messages.getMessage("oncall.alert.first", new Object[] {Long.toString(caseId), label, where, servicePoint, link}, VIETNAMESE);
        }
        long minutes = Math.max(1, Duration.between(raisedAt, now).toMinutes());
        return messages.getMessage("oncall.alert.again", new Object[] {Long.toString(caseId), label, where, servicePoint, link,
                Integer.toString(round), Long.toString(minutes)}, VIETNAMESE);
    }
}
