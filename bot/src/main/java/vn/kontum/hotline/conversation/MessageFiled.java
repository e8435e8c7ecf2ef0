package vn.kontum.hotline.conversation;

/**
 * A woman's message was processed and filed in a case; {@code caseOpened} when the message opened it. Published
 * inside the processing transaction, so that a listener may wait for the commit. Ids only: never her words, her
 * name or her channel id.
 */
public record MessageFiled(long messageId, long caseId, String servicePointId, boolean caseOpened) {
}
