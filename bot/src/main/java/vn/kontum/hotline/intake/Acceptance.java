package vn.kontum.hotline.intake;

/** The message is stored durably: it will be answered even if the process dies now. */
public record Acceptance(long messageId, boolean duplicate) {
}
