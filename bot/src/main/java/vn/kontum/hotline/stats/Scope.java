package vn.kontum.hotline.stats;

import vn.kontum.hotline.accounts.Viewer;

/** Limits every query to what the viewer may see: the whole city, or the cases of their own service points. */
record Scope(boolean city, long accountId) {

    static Scope of(Viewer viewer) {
        return new Scope(viewer.seesAllCases(), viewer.accountId());
    }

    static Scope wholeCity() {
        return new Scope(true, 0);
    }

    String cases(String alias) {
        return city ? "" : " and " + alias + ".service_point_id in "
                + "(select service_point_id from account_service_point where account_id = :account)";
    }

    String messages(String alias) {
        return city ? "" : " and " + alias + ".case_id in (select id from help_case where service_point_id in "
                + "(select service_point_id from account_service_point where account_id = :account))";
    }
}
