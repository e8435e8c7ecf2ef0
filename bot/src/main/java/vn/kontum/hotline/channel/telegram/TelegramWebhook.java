package vn.kontum.hotline.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import vn.kontum.hotline.intake.InboundMessage;
import vn.kontum.hotline.intake.MessageIntake;
import vn.kontum.hotline.web.ApiException;
import vn.kontum.hotline.web.RequestBodyGuard;

/**
 * Telegram's webhook, when {@code TELEGRAM_WEBHOOK_SECRET} is set. Telegram sends the secret given to
 * setWebhook in a header; a call without it is refused. An update is answered 200 once stored: Telegram sends
 * it again until then (and after a 503 while the database is away).
 */
@RestController
@ConditionalOnExpression(TelegramConfig.WEBHOOK)
class TelegramWebhook {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final byte[] secret;
    private final MessageIntake intake;
    private final ObjectProvider<TelegramOfficerUpdates> officerUpdates;
    // The library's own (Jackson 2) mapper reads its Update class as Telegram's JSON names it.
    private final ObjectMapper mapper = new ObjectMapper();

    TelegramWebhook(@Value("${hotline.telegram.webhook-secret}") String secret, MessageIntake intake,
                    ObjectProvider<TelegramOfficerUpdates> officerUpdates) {
        this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
        this.intake = intake;
        this.officerUpdates = officerUpdates;
    }

    @PostMapping("/webhooks/telegram")
    ResponseEntity<Void> receive(HttpServletRequest request,
                                 @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) @Nullable String given) {
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            log.warn("telegram webhook refused: {} secret", given == null ? "no" : "wrong");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
        Update update;
        try {
            update = mapper.readValue(RequestBodyGuard.rawBody(request), Update.class);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.malformed");
        } catch (java.io.IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.malformed");
        }
        if (update == null || update.getUpdateId() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.malformed");
        }
        if (officerUpdates.orderedStream().anyMatch(o -> o.take(update))) {
            return ResponseEntity.ok().build(); // an officer's command: never a case
        }
        Optional<InboundMessage> message;
        try {
            message = TelegramInbound.from(update);
        } catch (RuntimeException e) {
            log.warn("telegram update {} unreadable ({}); skipped", update.getUpdateId(), e.getClass().getSimpleName());
            return ResponseEntity.ok().build();
        }
        if (message.isEmpty()) {
            log.debug("telegram update {} ignored: no message", update.getUpdateId());
            return ResponseEntity.ok().build();
        }
        intake.accept(message.get());
        return ResponseEntity.ok().build();
    }
}
