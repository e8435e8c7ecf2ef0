package vn.kontum.hotline.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import vn.kontum.hotline.web.ApiException;
import vn.kontum.hotline.web.RequestBodyGuard;

/**
 * Zalo's webhook. Zalo turns off a webhook that answers slowly, so this only checks the signature and the
 * age of the event, stores it (durable, deduplicated) and answers 200; the answer to the woman is composed
 * later by the workers. Nothing unsigned is stored. While the database is away, a signed event is kept in Redis
 * and taken once it is back ({@link ZaloHeldEvents}).
 */
@RestController
@ConditionalOnExpression(ZaloConfig.ENABLED)
class ZaloWebhook {

    private static final Logger log = LoggerFactory.getLogger(ZaloWebhook.class);

    private final ZaloSettings settings;
    private final ZaloEvents events;
    private final ZaloHeldEvents held;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    ZaloWebhook(ZaloSettings settings, ZaloEvents events, ZaloHeldEvents held, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.held = held;
        this.clock = clock;
    }

    @PostMapping("/webhooks/zalo")
    ResponseEntity<Void> receive(HttpServletRequest request,
                                 @RequestHeader(name = "X-ZEvent-Signature", required = false) @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            log.warn("zalo webhook refused: no signature");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
        byte[] raw = RequestBodyGuard.rawBody(request);
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.malformed");
        }
        if (event == null || !event.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.malformed");
        }
        String timestamp = ZaloEvents.text(event.path("timestamp"));
        if (!ZaloSignature.valid(signature, settings.appId(), raw, timestamp == null ? "" : timestamp, settings.oaSecretKey())) {
            log.warn("zalo webhook refused: bad signature");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
        String name = ZaloEvents.text(event.path("event_name"));
        if (name == null) {
            log.warn("zalo webhook: signed event without event_name ignored");
            return ResponseEntity.ok().build();
        }
        Instant at = instant(timestamp);
        if (at == null) {
            log.warn("zalo event {} ignored: no readable timestamp", name);
            return ResponseEntity.ok().build();
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.compareTo(settings.replayWindow()) > 0 || age.negated().compareTo(settings.replayWindow()) > 0) {
            // A replayed capture, or an event so late that answering it now would confuse: 200 so Zalo stops sending it.
            log.warn("zalo event {} ignored: timestamp {} s away from now", name, age.toSeconds());
            return ResponseEntity.ok().build();
        }
        try {
            events.handle(name, event);
        } catch (RuntimeException e) {
            if (!ZaloHeldEvents.databaseAway(e) || !held.hold(raw)) {
                throw e;
            }
            log.warn("zalo event {} held in Redis while the database is away", name);
        }
        return ResponseEntity.ok().build();
    }

    /** Zalo's timestamps are milliseconds as a string; seconds are taken too. */
    private static @Nullable Instant instant(@Nullable String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            long n = Long.parseLong(timestamp.strip());
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
