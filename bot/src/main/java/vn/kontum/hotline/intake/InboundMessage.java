package vn.kontum.hotline.intake;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.Channel;

/**
 * A message as a channel received it, before anything is decided about it.
 *
 * @param channelMessageId the channel's own id for this message (Telegram update_id, Zalo msg_id, web chat client id):
 *                         a redelivery with the same id is stored once
 * @param channelUserId    who wrote, as the channel names them (pseudonymous)
 * @param text             exactly as received; never interpreted
 */
public record InboundMessage(
        Channel channel,
        String channelMessageId,
        String channelUserId,
        @Nullable String displayName,
        String text,
        @Nullable String attachmentType,
        @Nullable String attachmentRef) {

    public static InboundMessage text(Channel channel, String channelMessageId, String channelUserId, String text) {
        return new InboundMessage(channel, channelMessageId, channelUserId, null, text, null, null);
    }

    String inboundKey() {
        return channel.id() + ':' + channelMessageId;
    }
}
