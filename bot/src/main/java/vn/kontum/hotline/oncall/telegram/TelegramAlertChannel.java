package vn.kontum.hotline.oncall.telegram;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.SendResult;
import vn.kontum.hotline.oncall.alert.AlertChannel;

/** Alerts to an officer's own Telegram chat, with a "Đã nhận" button under each. */
@Component
@ConditionalOnExpression("!'${hotline.telegram.token:}'.isBlank()")
class TelegramAlertChannel implements AlertChannel {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final TelegramClient client;
    private final MessageSource messages;

    TelegramAlertChannel(TelegramClient client, MessageSource messages) {
        this.client = client;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public SendResult send(String chatId, String text, long alertId) {
        InlineKeyboardMarkup button = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                .text(messages.getMessage("oncall.ack.button", null, VIETNAMESE))
                .callbackData(TelegramOfficerCommands.ACK_PREFIX + alertId).build())).build();
        try {
            var sent = client.execute(SendMessage.builder().chatId(chatId).text(text).replyMarkup(button).build());
            return new SendResult.Sent(sent == null || sent.getMessageId() == null ? null : sent.getMessageId().toString());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 429) {
                Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                return new SendResult.Retry("telegram 429", after == null ? null : Duration.ofSeconds(after));
            }
            if (code != null && (code == 403 || code == 400)) {
                return new SendResult.Failed("telegram " + code + (code == 403 ? ": bot blocked or chat unreachable" : ": bad request"));
            }
            return new SendResult.Retry("telegram " + (code == null ? "error" : code.toString()), null);
        } catch (TelegramApiException e) {
            return new SendResult.Retry("telegram unreachable: " + e.getClass().getSimpleName(), null);
        }
    }
}
