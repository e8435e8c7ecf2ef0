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

import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.delivery.SendResult;

/**
 * Every message the hotline sends on Telegram, to women and to officers alike: within the send budget shared
 * by every node, buttons as an inline keyboard, and Telegram's errors read as retry-later or never.
 */
public final class TelegramMessages {

    /** Longer waits go back to the queue (the worker is freed) instead of holding a thread. */
    private static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofMillis(1_500);

    private final TelegramClient client;
    private final TelegramSendBudget budget;

    TelegramMessages(TelegramClient client, TelegramSendBudget budget) {
        this.client = client;
        this.budget = budget;
    }

    /** An ordinary message: it gives way to urgent ones when the budget runs short. */
    public SendResult send(String chatId, String text, List<Choice> choices) {
        return send(chatId, text, choices, false);
    }

    /** {@code urgent}: an emergency answer or an alert to officers, sent ahead of ordinary messages. */
    public SendResult send(String chatId, String text, List<Choice> choices, boolean urgent) {
        Duration wait = budget.reserve(chatId, urgent);
        while (!wait.isZero()) {
            if (wait.compareTo(LONGEST_WAIT_IN_PLACE) > 0) {
                return new SendResult.NotYet(wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.Retry("interrupted", null);
            }
            wait = budget.reserve(chatId, urgent);
        }
        try {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chatId).text(text);
            if (!choices.isEmpty()) {
                send.replyMarkup(keyboard(choices));
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
}
