package vn.kontum.hotline.channel.web;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.ChannelSender;
import vn.kontum.hotline.delivery.OutboundMessage;
import vn.kontum.hotline.delivery.SendResult;

/** Web chat replies are read from the database by the page; delivering one means telling the page it is there. */
@Component
class WebChatSender implements ChannelSender {

    private final ChatPush push;

    WebChatSender(ChatPush push) {
        this.push = push;
    }

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public boolean repeatIsHarmless() {
        return true;
    }

    @Override
    public boolean deliveredByStoring() {
        return true;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        push.announce(message.channelUserId()); // queued, never waits for Redis: the page also polls
        return new SendResult.Sent(null);
    }
}
