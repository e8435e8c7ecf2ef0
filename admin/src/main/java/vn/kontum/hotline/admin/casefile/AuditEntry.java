package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One line of a case's history: who did what, when; the detail holds codes and ids, never text. */
public record AuditEntry(String accountName, String action, @Nullable String detail, OffsetDateTime at) {
}
