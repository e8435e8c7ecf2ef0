package vn.kontum.hotline.oncall.telegram;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.channel.telegram.TelegramOfficerUpdates;
import vn.kontum.hotline.oncall.alert.Acknowledgement;
import vn.kontum.hotline.oncall.alert.UrgentAlerts;
import vn.kontum.hotline.oncall.link.OfficerChats;
import vn.kontum.hotline.oncall.link.OnceOnly;

/**
 * Officers' commands to the bot, taken before intake so that they never open a case:
 * <ul>
 * <li>{@code /link CODE} (also {@code /link@bot CODE}): links the chat to the account that asked for the code.
 * Always taken, valid or not: a woman has no reason to type it.</li>
 * <li>{@code /start CODE}, Telegram's deep-link form: taken only when the payload has the shape of a link code,
 * so that a woman opening the bot (plain {@code /start}, or a poster's link) is never turned away.</li>
 * <li>A press on "Đã nhận" under an alert ({@code ack:<alertId>}): taken whoever pressed it; it acknowledges
 * only for a linked officer allowed to.</li>
 * <li>Anything else written from a linked officer's chat: answered with a hint to use the console, no case.</li>
 * </ul>
 */
@Component
@ConditionalOnExpression("!'${hotline.telegram.token:}'.isBlank()")
class TelegramOfficerCommands implements TelegramOfficerUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramOfficerCommands.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern LINK = Pattern.compile("^/link(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern START = Pattern.compile("^/start(?:@\\w+)?\\s+(\\S+)\\s*$");
    static final String ACK_PREFIX = "ack:";

    private final TelegramClient client;
    private final OfficerChats chats;
    private final UrgentAlerts alerts;
    private final MessageSource messages;
    private final StringRedisTemplate redis;
    private final Clock clock;

    TelegramOfficerCommands(TelegramClient client, OfficerChats chats, UrgentAlerts alerts, MessageSource messages,
                            StringRedisTemplate redis, Clock clock) {
        this.client = client;
        this.chats = chats;
        this.alerts = alerts;
        this.messages = messages;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean take(Update update) {
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            String data = query.getData();
            if (data == null || !data.startsWith(ACK_PREFIX) || query.getMessage() == null) {
                return false;
            }
            once(update, () -> acknowledge(query.getId(), Long.toString(query.getMessage().getChatId()), data.substring(ACK_PREFIX.length())));
            return true;
        }
        Message message = update.hasMessage() ? update.getMessage() : null;
        if (message == null || message.getText() == null || message.getChatId() == null) {
            return false;
        }
        String chatId = Long.toString(message.getChatId());
        String code = linkCode(message.getText().strip());
        if (code != null) {
            once(update, () -> link(chatId, code));
            return true;
        }
        if (chats.accountOfChat(Channel.TELEGRAM, chatId).isPresent()) {
            // An officer's own chat (e.g. "em nhận" under an alert): not a woman's message, so never a case.
            once(update, () -> send(chatId, text("oncall.officer-chat.hint")));
            return true;
        }
        return false;
    }

    /** The code of a link command, "" for {@code /link} without one; null when the text is not a link command. */
    static @Nullable String linkCode(String text) {
        Matcher link = LINK.matcher(text);
        if (link.matches()) {
            return link.group(1) == null ? "" : link.group(1).strip();
        }
        Matcher start = START.matcher(text);
        if (start.matches() && OfficerChats.looksLikeCode(start.group(1))) {
            return start.group(1);
        }
        return null;
    }

    private void link(String chatId, String code) {
        OffsetDateTime now = HotlineClock.now(clock);
        Optional<Long> account = code.isEmpty() ? Optional.empty() : chats.redeem(code, Channel.TELEGRAM, chatId, now);
        String reply = account.map(a -> text("oncall.link.done", chats.username(a).orElse("#" + a)))
                .orElseGet(() -> text(code.isEmpty() ? "oncall.link.usage" : "oncall.link.refused"));
        send(chatId, reply);
    }

    private void acknowledge(String queryId, String chatId, String alert) {
        long alertId;
        try {
            alertId = Long.parseLong(alert);
        } catch (NumberFormatException e) {
            answer(queryId, text("oncall.ack.not-allowed"));
            return;
        }
        Optional<Long> account = chats.accountOfChat(Channel.TELEGRAM, chatId);
        if (account.isEmpty()) {
            answer(queryId, text("oncall.ack.not-allowed"));
            return;
        }
        String key = switch (alerts.acknowledgeFromChat(alertId, account.get(), Acknowledgement.TELEGRAM, HotlineClock.now(clock))) {
            case ACKNOWLEDGED -> "oncall.ack.done";
            case ALREADY_ACKNOWLEDGED -> "oncall.ack.already";
            case NOT_ALLOWED, NOTHING_WAITING -> "oncall.ack.not-allowed";
        };
        answer(queryId, text(key));
    }

    /** Done once although the platform may send the same event again (see {@link OnceOnly}). */
    private void once(Update update, Runnable command) {
        OnceOnly.run(redis, "hotline:telegram:officer-update:" + update.getUpdateId(), command);
    }

    private void send(String chatId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("answer to an officer's command not sent: {}", e.getClass().getSimpleName());
        }
    }

    private void answer(String queryId, String text) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("answer to an officer's button not sent: {}", e.getClass().getSimpleName());
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
