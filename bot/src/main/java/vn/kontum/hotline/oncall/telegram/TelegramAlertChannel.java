package vn.kontum.hotline.oncall.telegram;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.channel.telegram.TelegramMessages;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.delivery.SendResult;
import vn.kontum.hotline.oncall.alert.AlertChannel;

/** Alerts to an officer's own Telegram chat, with a "Đã nhận" button under each. */
@Component
@ConditionalOnExpression("!'${hotline.telegram.token:}'.isBlank()")
class TelegramAlertChannel implements AlertChannel {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final TelegramMessages telegram;
    private final MessageSource messages;

    TelegramAlertChannel(TelegramMessages telegram, MessageSource messages) {
        this.telegram = telegram;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    /** Through the same send path as the replies to women: the same budget, the same reading of Telegram's errors. */
    @Override
    public SendResult send(String chatId, String text, long alertId, long caseId) {
        return telegram.send(chatId, text, List.of(new Choice(TelegramOfficerCommands.ACK_PREFIX + alertId,
                messages.getMessage("oncall.ack.button", null, VIETNAMESE))), true); // an alert about someone in danger
    }
}
