package vn.kontum.hotline.cases;

/**
 * An officer handed a case to another service point. Published inside the transaction that did it; ids only.
 */
public record CaseTransferred(long caseId, String fromServicePointId, String toServicePointId) {
}
