package vn.kontum.hotline.channel.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.safety.ChatEraser;

/**
 * Deletes both sides of a private chat with deleteMessages (at most 100 ids a call). Telegram lets a bot delete
 * messages younger than 48 hours, its own and, in a private chat, the user's; it skips the ones it cannot.
 */
final class TelegramChatEraser implements ChatEraser {

    private static final Logger log = LoggerFactory.getLogger(TelegramChatEraser.class);
    private static final int PER_CALL = 100;

    private final TelegramClient client;

    TelegramChatEraser(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public void erase(String channelUserId, List<String> chatMessageIds) {
        List<Integer> ids = chatMessageIds.stream().filter(id -> id.matches("\\d{1,10}")).map(Integer::valueOf).distinct().toList();
        for (int from = 0; from < ids.size(); from += PER_CALL) {
            List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + PER_CALL));
            try {
                client.execute(DeleteMessages.builder().chatId(channelUserId).messageIds(batch).build());
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("telegram deleteMessages of {} messages failed ({})", batch.size(), e.getClass().getSimpleName());
            }
        }
    }
}
