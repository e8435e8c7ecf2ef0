package vn.kontum.hotline.channel.telegram;

import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.intake.InboundMessage;

/**
 * Reads a Telegram update as a hotline message. The update_id is the message's id (redeliveries of an update
 * are stored once); the chat id is the contact, so replies go back to the same chat. Media are kept as their
 * type and file_id: officers open them through the hotline, never through a URL carrying the bot token.
 */
final class TelegramInbound {

    private TelegramInbound() {
    }

    static Optional<InboundMessage> from(Update update) {
        String id = Integer.toString(update.getUpdateId());
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            var query = update.getCallbackQuery();
            return Optional.of(new InboundMessage(Channel.TELEGRAM, id, Long.toString(query.getMessage().getChatId()),
                    query.getFrom() == null ? null : query.getFrom().getFirstName(), nullToEmpty(query.getData()), "button", null,
                    // a button press is not a message of its own: it points at our message carrying the buttons
                    query.getMessage().getMessageId() == null ? null : query.getMessage().getMessageId().toString()));
        }
        Message message = update.hasMessage() ? update.getMessage() : update.hasEditedMessage() ? update.getEditedMessage() : null;
        if (message == null || message.getChatId() == null) {
            return Optional.empty();
        }
        String text = message.getText() != null ? message.getText() : nullToEmpty(message.getCaption());
        String type = null;
        String ref = null;
        if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
            type = "image";
            ref = message.getPhoto().getLast().getFileId();
        } else if (message.getVoice() != null) {
            type = "audio";
            ref = message.getVoice().getFileId();
        } else if (message.getAudio() != null) {
            type = "audio";
            ref = message.getAudio().getFileId();
        } else if (message.getVideo() != null) {
            type = "video";
            ref = message.getVideo().getFileId();
        } else if (message.getVideoNote() != null) {
            type = "video";
            ref = message.getVideoNote().getFileId();
        } else if (message.getDocument() != null) {
            type = "file";
            ref = message.getDocument().getFileId();
        } else if (message.getSticker() != null) {
            type = "sticker";
            ref = message.getSticker().getFileId();
        } else if (message.getAnimation() != null) {
            type = "gif";
            ref = message.getAnimation().getFileId();
        } else if (message.getLocation() != null) {
            type = "location";
            ref = message.getLocation().getLatitude() + "," + message.getLocation().getLongitude();
        } else if (message.getContact() != null) {
            type = "contact";
            ref = message.getContact().getPhoneNumber();
        }
        if (update.hasEditedMessage()) {
            type = type == null ? "edited" : type;
        }
        String name = message.getFrom() == null ? null : message.getFrom().getFirstName();
        String chatMessageId = message.getMessageId() == null ? null : message.getMessageId().toString();
        return Optional.of(new InboundMessage(Channel.TELEGRAM, id, Long.toString(message.getChatId()), name, text, type, ref, chatMessageId));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
