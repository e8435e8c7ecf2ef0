package vn.kontum.hotline.channel.zalo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.DeliveryReports;
import vn.kontum.hotline.intake.InboundMessage;
import vn.kontum.hotline.intake.MessageIntake;

/**
 * What a verified Zalo event means for the hotline. A user's message (text or attachment) is stored through
 * the intake, deduplicated on its msg_id, so Zalo's redeliveries are answered once, unless it is an officer's
 * own business ({@link ZaloOfficerEvents}: a link command, an acknowledgement, anything from a linked officer's
 * Zalo), which never reaches intake. Follows are recorded on
 * the contact; delivery and seen reports move our replies' state; echoes of the OA's own sends are ignored, so
 * the hotline never answers itself.
 */
final class ZaloEvents {

    private static final Logger log = LoggerFactory.getLogger(ZaloEvents.class);

    private final MessageIntake intake;
    private final Contacts contacts;
    private final DeliveryReports reports;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<ZaloOfficerEvents> officerEvents;

    ZaloEvents(MessageIntake intake, Contacts contacts, DeliveryReports reports, JdbcClient jdbc, Clock clock,
               ObjectProvider<ZaloOfficerEvents> officerEvents) {
        this.intake = intake;
        this.officerEvents = officerEvents;
        this.contacts = contacts;
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void handle(String name, JsonNode event) {
        if (name.startsWith("oa_send_")) {
            log.debug("zalo event {}: our own send, ignored", name);
        } else if (name.startsWith("user_send_")) {
            message(name, event);
        } else {
            switch (name) {
                case "follow" -> following(name, event, true);
                case "unfollow" -> following(name, event, false);
                case "user_received_message" -> log.info("zalo event {}: {} replies now delivered", name,
                        reports.delivered(Channel.ZALO, messageIds(event)));
                case "user_seen_message" -> log.info("zalo event {}: {} replies now seen", name,
                        reports.seen(Channel.ZALO, messageIds(event)));
                default -> log.info("zalo event {} ignored: not used by the hotline", name);
            }
        }
    }

    private void message(String name, JsonNode event) {
        String msgId = text(event.path("message").path("msg_id"));
        String sender = text(event.path("sender").path("id"));
        if (msgId == null || sender == null) {
            log.warn("zalo event {} ignored: no msg_id or sender", name);
            return;
        }
        JsonNode message = event.path("message");
        String body = text(message.path("text"));
        String said = body == null ? "" : body;
        // Looked up as intake would store them: an id with a NUL must reach intake's answer, not a database error.
        if (officerEvents.orderedStream().anyMatch(o -> o.take(InboundMessage.storableText(sender), InboundMessage.storableText(msgId), said))) {
            log.debug("zalo event {}: an officer's own message, not a woman's", name);
            return; // never a case
        }
        String type = null;
        String ref = null;
        JsonNode first = message.path("attachments").path(0);
        if (!"user_send_text".equals(name)) {
            type = first.isObject() && text(first.path("type")) != null ? text(first.path("type")) : name.substring("user_send_".length());
            ref = reference(first.path("payload"));
        }
        intake.accept(new InboundMessage(Channel.ZALO, msgId, sender, null, body == null ? "" : body, type, ref));
    }

    /** A link to the media (Zalo's CDN, no token in it), or a location's "latitude,longitude". */
    private static @Nullable String reference(JsonNode payload) {
        JsonNode coordinates = payload.path("coordinates");
        if (coordinates.isObject()) {
            return text(coordinates.path("latitude")) + "," + text(coordinates.path("longitude"));
        }
        for (String field : new String[] {"url", "thumbnail", "id"}) {
            String value = text(payload.path(field));
            if (value != null) {
                return value.length() <= 500 ? value : value.substring(0, 500);
            }
        }
        return null;
    }

    private void following(String name, JsonNode event, boolean follows) {
        String follower = text(event.path("follower").path("id"));
        if (follower == null) {
            log.warn("zalo event {} ignored: no follower id", name);
            return;
        }
        OffsetDateTime now = HotlineClock.now(clock);
        long contact = contacts.idFor(Channel.ZALO, follower, null, now);
        jdbc.sql("update contact set following = :follows, following_changed_at = :now where id = :id")
                .param("follows", follows).param("now", now).param("id", contact).update();
        log.info("zalo event {}: contact {}", name, contact);
    }

    /** Reports name our messages in msg_ids (a list), or msg_id alone. */
    private static Set<String> messageIds(JsonNode event) {
        Set<String> ids = new LinkedHashSet<>();
        event.path("message").path("msg_ids").forEach(id -> {
            String s = text(id);
            if (s != null) {
                ids.add(s);
            }
        });
        String single = text(event.path("message").path("msg_id"));
        if (single != null) {
            ids.add(single);
        }
        return ids;
    }

    /** Zalo's ids are strings; a number is read as its digits, anything else as absent. */
    static @Nullable String text(JsonNode node) {
        if (!node.isValueNode() || node.isNull()) {
            return null;
        }
        String s = node.asString();
        return s.isBlank() ? null : s;
    }
}
