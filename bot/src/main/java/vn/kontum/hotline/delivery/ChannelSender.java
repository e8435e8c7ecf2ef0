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

    /**
     * Whether the platform later reports delivery and reading by message id (Zalo does). Such replies have
     * each part recorded before anything else, so that an early report finds its reply.
     */
    default boolean reportsDelivery() {
        return false;
    }

    /**
     * Whether sending the same reply twice would go unnoticed (the web chat only announces a reply the page reads
     * from the database). Such sends are written down in batches; any other is written down before the next send.
     */
    default boolean repeatIsHarmless() {
        return false;
    }

    /**
     * Whether a reply is delivered by being stored: the web chat's page reads replies from the database, so the bot's
     * answer is written down as SENT at once (see {@link Outbox#answer}) and {@link #send} only tells the page to look.
     */
    default boolean deliveredByStoring() {
        return false;
    }

    SendResult send(OutboundMessage message);
}
