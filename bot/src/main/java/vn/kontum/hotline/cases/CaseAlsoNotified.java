package vn.kontum.hotline.cases;

/**
 * Published inside the transaction that opens or re-routes a case when a service point is told about it besides
 * the one it went to (the police focal point for trafficking). A listener that alerts people should use
 * {@code @TransactionalEventListener}, so that nothing is sent for a case that was rolled back.
 */
public record CaseAlsoNotified(long caseId, String category, String servicePointId) {
}
