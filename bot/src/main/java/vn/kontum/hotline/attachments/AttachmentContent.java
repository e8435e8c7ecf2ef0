package vn.kontum.hotline.attachments;

/** An attachment's bytes and their media type, as the platform served them. */
public record AttachmentContent(String contentType, byte[] bytes) {
}
