package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.cases.CaseStatus;

/** A case as an authorised officer sees it on its page. */
public record CaseFile(
        long id,
        long contactId,
        @Nullable String contactName,
        String channel,
        String category,
        String priority,
        CaseStatus status,
        String servicePointId,
        String servicePointName,
        @Nullable Long assignedOfficerId,
        @Nullable String assignedName,
        OffsetDateTime openedAt,
        @Nullable OffsetDateTime firstReplyAt,
        @Nullable OffsetDateTime resolvedAt,
        @Nullable OffsetDateTime closedAt) {

    public boolean open() {
        return status.open();
    }

    /** Recorded by hand (by phone, in person): there is no chat to answer in. */
    public boolean offline() {
        return !vn.kontum.hotline.Channel.of(channel).messaging();
    }

    public boolean urgent() {
        return "URGENT".equals(priority);
    }
}
