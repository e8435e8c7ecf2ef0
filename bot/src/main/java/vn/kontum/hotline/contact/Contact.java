package vn.kontum.hotline.contact;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.Channel;

/** A person who wrote to the hotline, known only by their channel identity and, when known, their village. */
public record Contact(long id, Channel channel, String channelUserId, @Nullable String villageId, @Nullable String communeId) {
}
