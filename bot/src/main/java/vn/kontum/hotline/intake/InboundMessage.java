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

    /**
     * The same message, storable: NUL characters removed and unpaired surrogates replaced (a JSON body may escape
     * either, and PostgreSQL's text takes neither). Nothing else is touched.
     */
    InboundMessage storable() {
        return new InboundMessage(channel, clean(channelMessageId), clean(channelUserId), cleanOrNull(displayName), clean(text),
                cleanOrNull(attachmentType), cleanOrNull(attachmentRef), cleanOrNull(chatMessageId));
    }

    /**
     * A text as it would be stored (see {@link #storable()}), for a channel that must look something up by it
     * before the message reaches intake: PostgreSQL refuses a NUL even in a query's parameter.
     */
    public static String storableText(String s) {
        return clean(s);
    }

    private static @Nullable String cleanOrNull(@Nullable String s) {
        return s == null ? null : clean(s);
    }

    private static String clean(String s) {
        boolean suspicious = false;
        for (int i = 0; i < s.length() && !suspicious; i++) {
            char c = s.charAt(i);
            suspicious = c == '\0' || Character.isSurrogate(c);
        }
        if (!suspicious) {
            return s; // the common case: no copy
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    String inboundKey() {
        return channel.id() + ':' + channelMessageId;
    }
}
