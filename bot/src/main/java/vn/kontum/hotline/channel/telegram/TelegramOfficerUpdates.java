package vn.kontum.hotline.channel.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Updates that are an officer's own business with the bot (linking their chat, acknowledging an alert), not a
 * woman's message. Asked before intake, for every update: what it takes never opens a case.
 */
public interface TelegramOfficerUpdates {

    /** True when the update was taken here and must not reach intake. May throw: Telegram then sends it again. */
    boolean take(Update update);
}
