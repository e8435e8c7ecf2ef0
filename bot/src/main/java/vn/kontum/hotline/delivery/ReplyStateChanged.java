package vn.kontum.hotline.delivery;

/**
 * A reply in a case changed its delivery state (sent, retried, failed, delivered, seen). Published after the
 * state was written; the state itself is in the message row. Ids only, never the text; the case's service point
 * comes with it, so that whoever passes it on to the pages allowed to see it need not look it up per reply.
 */
public record ReplyStateChanged(long messageId, long caseId, String servicePointId) {
}
