package vn.kontum.hotline.channel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.ChannelSender;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.delivery.OutboundMessage;
import vn.kontum.hotline.delivery.SendResult;

/** Sends replies with sendMessage (buttons as an inline keyboard); reads Telegram's errors as retry-later or never. */
final class TelegramSender implements ChannelSender {

    static final int MAX_LENGTH = 4096;

    /** Longer waits go back to the queue (the worker is freed) instead of holding a delivery thread. */
    private static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofMillis(1_500);

    private final TelegramClient client;
    private final TelegramSendBudget budget;

    TelegramSender(TelegramClient client, TelegramSendBudget budget) {
        this.client = client;
        this.budget = budget;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH; // longer replies are sent in parts by the delivery worker
    }

    /** Short labels two to a row, long ones alone: easy to hit with a thumb on a small screen. */
    static InlineKeyboardMarkup keyboard(List<Choice> choices) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Choice c : choices) {
            InlineKeyboardButton button = InlineKeyboardButton.builder().text(c.label()).callbackData(c.data()).build();
            boolean wide = c.label().length() > 18;
            if (!row.isEmpty() && (wide || row.size() == 2)) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
            row.add(button);
            if (wide) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        Duration wait = budget.reserve(message.channelUserId());
        while (!wait.isZero()) {
            if (wait.compareTo(LONGEST_WAIT_IN_PLACE) > 0) {
                return new SendResult.Retry("telegram send budget", wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.Retry("interrupted", null);
            }
            wait = budget.reserve(message.channelUserId());
        }
        String text = message.text();
        try {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(message.channelUserId()).text(text);
            if (!message.choices().isEmpty()) {
                send.replyMarkup(keyboard(message.choices()));
            }
            var sent = client.execute(send.build());
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
