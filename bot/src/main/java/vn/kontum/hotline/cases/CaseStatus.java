package vn.kontum.hotline.cases;

/** Where a case stands. */
public enum CaseStatus {
    NEW, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED;

    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}
