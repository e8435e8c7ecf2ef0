package vn.kontum.hotline.attachments;

import java.io.IOException;
import java.util.Optional;

import vn.kontum.hotline.Channel;

/** Fetches an attachment from one platform by the reference stored with the message. */
public interface AttachmentSource {

    /** The platform's own limit for bots is 20 MB; nothing larger is held in memory. */
    int MAX_BYTES = 20 * 1024 * 1024;

    Channel channel();

    /** Empty when the platform no longer has it (or never did). */
    Optional<AttachmentContent> fetch(String reference) throws IOException;
}
