package vn.kontum.hotline.oncall.alert;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.SendResult;

/** Sends an alert to an officer's own chat, with a way to acknowledge it there. Implemented per channel. */
public interface AlertChannel {

    Channel channel();

    SendResult send(String chatId, String text, long alertId);
}
