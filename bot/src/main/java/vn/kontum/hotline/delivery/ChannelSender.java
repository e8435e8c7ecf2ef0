package vn.kontum.hotline.delivery;

import vn.kontum.hotline.Channel;

/** Delivers text to a contact through one channel. Implemented by each channel. */
public interface ChannelSender {

    Channel channel();

    SendResult send(OutboundMessage message);
}
