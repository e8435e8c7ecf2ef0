package vn.kontum.hotline.delivery;

import java.util.List;

import vn.kontum.hotline.Channel;

/** A reply on its way to a contact, with the buttons offered under it (none for most replies). */
public record OutboundMessage(long id, Channel channel, long contactId, String channelUserId, String text, List<Choice> choices) {

    public OutboundMessage(long id, Channel channel, long contactId, String channelUserId, String text) {
        this(id, channel, contactId, channelUserId, text, List.of());
    }
}
