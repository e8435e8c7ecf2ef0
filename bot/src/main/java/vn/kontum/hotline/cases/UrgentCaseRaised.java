package vn.kontum.hotline.cases;

import java.time.OffsetDateTime;

/**
 * A case was opened as urgent, or an open case became urgent. Published inside the transaction that did it, so
 * that what listens can write in the same transaction. Carries ids and codes only: never what the woman wrote.
 */
public record UrgentCaseRaised(long caseId, String servicePointId, String category, OffsetDateTime at) {
}
