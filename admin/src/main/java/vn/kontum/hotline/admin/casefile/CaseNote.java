package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;

/** An officer's private note on a case: never sent to the contact. */
public record CaseNote(long id, String authorName, String text, OffsetDateTime createdAt) {
}
