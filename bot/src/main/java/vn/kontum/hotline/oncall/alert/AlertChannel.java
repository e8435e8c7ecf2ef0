package vn.kontum.hotline.oncall.alert;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.SendResult;

/** Sends an alert to an officer's own chat, with a way to acknowledge it there. Implemented per channel. */
public interface AlertChannel {

    Channel channel();

    /** {@code text}: the alert as {@code AlertText} wrote it; the channel adds how to acknowledge it there. */
    SendResult send(String chatId, String text, long alertId, long caseId);
}
