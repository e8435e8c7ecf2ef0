package vn.kontum.hotline.channel.telegram;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.ChannelSender;
import vn.kontum.hotline.delivery.OutboundMessage;
import vn.kontum.hotline.delivery.SendResult;

/** Delivers replies to women through {@link TelegramMessages}. */
final class TelegramSender implements ChannelSender {

    static final int MAX_LENGTH = 4096;

    private final TelegramMessages messages;

    TelegramSender(TelegramMessages messages) {
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH; // longer replies are sent in parts by the delivery worker
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return messages.send(message.channelUserId(), message.text(), message.choices(), message.urgent());
    }
}
