package vn.kontum.hotline.oncall.zalo;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.channel.zalo.ZaloMessages;
import vn.kontum.hotline.delivery.SendResult;
import vn.kontum.hotline.oncall.alert.AlertChannel;

/**
 * Alerts to an officer's own Zalo, with how to acknowledge by answering ("nhận" or the case number). Zalo's
 * refusals for this officer (-230/-232: no message from them to the OA in 7 days; -213: not following the OA)
 * are final for this send: recorded FAILED with the reason, while the rounds go on to the next level.
 */
@Component
@ConditionalOnExpression("!'${hotline.zalo.app-id:}'.isBlank()")
class ZaloAlertChannel implements AlertChannel {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ZaloMessages zalo;
    private final MessageSource messages;

    ZaloAlertChannel(ZaloMessages zalo, MessageSource messages) {
        this.zalo = zalo;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    /** Through the same send path as the replies to women: the same token refresh, the same reading of Zalo's errors. */
    @Override
    public SendResult send(String chatId, String text, long alertId, long caseId) {
        return zalo.send(chatId, text + "\n" + messages.getMessage("oncall.zalo.ack-hint", new Object[] {Long.toString(caseId)}, VIETNAMESE));
    }
}
