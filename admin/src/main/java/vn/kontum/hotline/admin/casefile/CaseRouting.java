package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a case is where it is, and the service points told about it without taking it (the police for trafficking);
 * for a case handed over by an officer, the last handover with its reason, which the officers receiving it need.
 */
public record CaseRouting(String reason, List<String> alsoNotified, @Nullable Transfer lastTransfer) {

    /** A handover: from which service point, why, by whom (null: the account is gone) and when. */
    public record Transfer(String fromName, String reason, @Nullable String byName, OffsetDateTime at) {
    }
}
