package vn.kontum.hotline.admin.inbox;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One case in the inbox. No message text: the inbox is often read on a shared screen. {@code waitingSince} is
 * the first message from the contact that no officer has answered yet.
 */
public record InboxRow(
        long id,
        String priority,
        String category,
        String status,
        String channel,
        String servicePointName,
        @Nullable String assignedName,
        OffsetDateTime openedAt,
        @Nullable OffsetDateTime waitingSince) {

    public boolean urgent() {
        return "URGENT".equals(priority);
    }
}
