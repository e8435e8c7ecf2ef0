package vn.kontum.hotline.delivery;

import vn.kontum.hotline.Channel;

/**
 * Delivers text to a contact through one channel. Implemented by each channel. A reply longer than
 * {@link #maxLength} is handed over in parts, one call each, in order.
 */
public interface ChannelSender {

    Channel channel();

    /** The most characters the platform takes in one message. */
    default int maxLength() {
        return Integer.MAX_VALUE;
    }

    SendResult send(OutboundMessage message);
}
