package vn.kontum.hotline.accounts;

/** What an account may do. OFFICER: own service points' cases; COORDINATOR: all cases, statistics; ADMIN: directory, accounts. */
public enum Role {
    OFFICER, COORDINATOR, ADMIN
}
