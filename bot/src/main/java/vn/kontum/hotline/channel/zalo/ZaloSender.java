package vn.kontum.hotline.channel.zalo;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.ChannelSender;
import vn.kontum.hotline.delivery.OutboundMessage;
import vn.kontum.hotline.delivery.SendResult;

/** Sends replies to women as OA customer-service messages, through {@link ZaloMessages}. */
final class ZaloSender implements ChannelSender {

    static final int MAX_LENGTH = 2000;

    private final ZaloMessages messages;

    ZaloSender(ZaloMessages messages) {
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public boolean reportsDelivery() {
        return true;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH; // longer replies are sent in parts by the delivery worker
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return messages.send(message.channelUserId(), message.text());
    }
}
