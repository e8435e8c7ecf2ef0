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
 * @param chatMessageId    the message's id inside the chat when the channel's message id is something else (Telegram's
 *                         message_id beside its update_id): what erasing the chat on the platform needs
 */
public record InboundMessage(
        Channel channel,
        String channelMessageId,
        String channelUserId,
        @Nullable String displayName,
        String text,
        @Nullable String attachmentType,
        @Nullable String attachmentRef,
        @Nullable String chatMessageId) {

    public InboundMessage(Channel channel, String channelMessageId, String channelUserId, @Nullable String displayName, String text,
                          @Nullable String attachmentType, @Nullable String attachmentRef) {
        this(channel, channelMessageId, channelUserId, displayName, text, attachmentType, attachmentRef, null);
    }

    public static InboundMessage text(Channel channel, String channelMessageId, String channelUserId, String text) {
        return new InboundMessage(channel, channelMessageId, channelUserId, null, text, null, null);
    }

    String inboundKey() {
        return channel.id() + ':' + channelMessageId;
    }
}
