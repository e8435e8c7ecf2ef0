package vn.kontum.hotline.cases;

/**
 * A case nobody had taken went to another service point on what the woman wrote (her village, her topic), inside
 * the transaction that moved it. Its open urgent alert, if any, must follow it: the first one's officers lose it.
 */
public record CaseRelocated(long caseId, String fromServicePointId, String toServicePointId) {
}
