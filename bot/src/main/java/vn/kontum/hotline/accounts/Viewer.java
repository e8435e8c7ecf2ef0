package vn.kontum.hotline.accounts;

import java.util.Set;

/** Who is asking, as every read and write of a case checks it on the server. */
public record Viewer(long accountId, String username, Set<Role> roles, Set<String> servicePointIds) {

    public boolean seesAllCases() {
        return roles.contains(Role.COORDINATOR);
    }

    /** Administrators keep the directory and the accounts. */
    public boolean administers() {
        return roles.contains(Role.ADMIN);
    }

    public boolean canSee(String servicePointId) {
        return seesAllCases() || servicePointIds.contains(servicePointId);
    }
}
