package vn.kontum.hotline.safety;

import java.util.List;

import vn.kontum.hotline.Channel;

/**
 * Removes messages from the chat on the woman's own phone, where the platform lets a bot do it (Telegram: both
 * sides, within 48 hours of each message). Implemented by each channel that can.
 */
public interface ChatEraser {

    Channel channel();

    /** Best effort: a message the platform no longer lets us delete stays; failures are logged, never thrown. */
    void erase(String channelUserId, List<String> chatMessageIds);
}
