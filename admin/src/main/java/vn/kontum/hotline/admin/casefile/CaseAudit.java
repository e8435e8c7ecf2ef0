package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of who opened, answered or changed a case. Written in the transaction of the action itself, so an
 * action without its record cannot happen. Details are codes and ids only: never what anyone wrote.
 */
@Component
class CaseAudit {

    enum Action { VIEW, REPLY, NOTE, ASSIGN, TAKE_OVER, RESOLVE, CLOSE, REOPEN, PRIORITY, CATEGORY, TRANSFER, RECORD_OFFLINE }

    private final JdbcClient jdbc;

    CaseAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long caseId, long accountId, Action action, @Nullable String detail, OffsetDateTime now) {
        jdbc.sql("""
                        insert into case_audit (case_id, account_id, action_type, detail, created_at)
                        values (:case, :account, :action, :detail, :now)""")
                .param("case", caseId).param("account", accountId).param("action", action.name()).param("detail", detail)
                .param("now", now).update();
    }

    /** The case's history without the views, newest first. */
    List<AuditEntry> history(long caseId, int limit) {
        return jdbc.sql("""
                        select a.display_name, l.action_type, l.detail, l.created_at from case_audit l
                        join account a on a.id = l.account_id
                        where l.case_id = :case and l.action_type <> 'VIEW' order by l.id desc fetch first :limit rows only""")
                .param("case", caseId).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }
}
