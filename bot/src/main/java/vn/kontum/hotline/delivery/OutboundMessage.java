package vn.kontum.hotline.delivery;

import vn.kontum.hotline.Channel;

/** A reply on its way to a contact. */
public record OutboundMessage(long id, Channel channel, long contactId, String channelUserId, String text) {
}
