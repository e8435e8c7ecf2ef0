package vn.kontum.hotline.delivery;

import java.util.List;

import vn.kontum.hotline.Channel;

/**
 * A reply on its way to a contact, with the buttons offered under it (none for most replies). {@code urgent}: an
 * emergency answer, which goes ahead of ordinary replies wherever a platform's limits make replies wait.
 */
public record OutboundMessage(long id, Channel channel, long contactId, String channelUserId, String text, List<Choice> choices,
                              boolean urgent) {
}
