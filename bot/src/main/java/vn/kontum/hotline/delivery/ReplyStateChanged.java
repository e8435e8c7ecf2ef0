package vn.kontum.hotline.delivery;

/**
 * A reply in a case changed its delivery state (sent, retried, failed, delivered, seen). Published after the
 * state was written; the state itself is in the message row. Ids only, never the text.
 */
public record ReplyStateChanged(long messageId, long caseId) {
}
