package vn.kontum.hotline.admin.inbox;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One case in the inbox. No message text: the inbox is often read on a shared screen. {@code waitingSince} is
 * the first message from the contact that no officer has answered yet. {@code breached}: the first officer reply
 * came after the case's response target, or has not come and the target has passed. {@code unread}: a message came
 * after the officer last opened the case (or she never did).
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
        @Nullable OffsetDateTime waitingSince,
        boolean breached,
        boolean unread) {

    public boolean urgent() {
        return "URGENT".equals(priority);
    }
}
