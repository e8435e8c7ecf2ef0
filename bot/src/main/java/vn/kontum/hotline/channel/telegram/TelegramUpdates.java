package vn.kontum.hotline.channel.telegram;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import vn.kontum.hotline.intake.InboundMessage;
import vn.kontum.hotline.intake.MessageIntake;

/**
 * Takes updates from long polling. The library confirms updates to Telegram as soon as this returns, so each
 * update is stored before returning; while the database is away this waits and tries again instead, and
 * Telegram keeps the updates. Nothing thrown escapes.
 */
final class TelegramUpdates implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final MessageIntake intake;
    private final List<TelegramOfficerUpdates> officerUpdates;
    private volatile boolean running = true;

    TelegramUpdates(MessageIntake intake) {
        this(intake, List.of());
    }

    TelegramUpdates(MessageIntake intake, List<TelegramOfficerUpdates> officerUpdates) {
        this.intake = intake;
        this.officerUpdates = officerUpdates;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            if (takenByOfficers(update)) {
                continue; // an officer's command: never a case
            }
            Optional<InboundMessage> message;
            try {
                message = TelegramInbound.from(update);
            } catch (RuntimeException e) {
                log.warn("telegram update {} unreadable ({}); skipped", update.getUpdateId(), e.getClass().getSimpleName());
                continue;
            }
            if (message.isEmpty()) {
                log.debug("telegram update {} ignored: no message", update.getUpdateId());
                continue;
            }
            store(message.get());
        }
    }

    /** Like storing, taking an officer's command waits for the database rather than losing the update. */
    private boolean takenByOfficers(Update update) {
        long backoff = 200;
        while (running) {
            try {
                return officerUpdates.stream().anyMatch(o -> o.take(update));
            } catch (RuntimeException e) {
                log.warn("telegram update {} not taken yet ({}); retrying in {} ms", update.getUpdateId(), e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
        return true;
    }

    private void store(InboundMessage message) {
        long backoff = 200;
        while (running) {
            try {
                intake.accept(message);
                return;
            } catch (RuntimeException e) {
                log.warn("telegram update {} not stored yet ({}); retrying in {} ms", message.channelMessageId(),
                        e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
