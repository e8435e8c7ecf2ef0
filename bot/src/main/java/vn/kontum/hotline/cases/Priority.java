package vn.kontum.hotline.cases;

/** How fast a person must answer. */
public enum Priority {
    URGENT, NORMAL
}
