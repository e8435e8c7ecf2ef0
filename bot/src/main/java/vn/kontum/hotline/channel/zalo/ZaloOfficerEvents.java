package vn.kontum.hotline.channel.zalo;

/**
 * Messages that are an officer's own business with the OA (linking their Zalo, acknowledging an alert), not a
 * woman's. Asked before intake for every message a user sends to the OA: what it takes never opens a case.
 */
public interface ZaloOfficerEvents {

    /**
     * True when the message was taken here and must not reach intake. {@code text} is "" when the message has
     * none (an attachment alone). May throw: the webhook then fails and Zalo sends the event again.
     */
    boolean take(String userId, String msgId, String text);
}
