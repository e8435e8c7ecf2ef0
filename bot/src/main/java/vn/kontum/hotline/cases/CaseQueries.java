package vn.kontum.hotline.cases;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.secrets.ContentCipher;

/** Reads cases for a viewer. Every read filters by the viewer's service points on the server. */
@Component
public class CaseQueries {

    private static final String SUMMARY = """
            select c.id, c.category, c.priority, c.status, c.service_point_id, sp.name as sp_name, c.channel, c.route_reason,
                   c.opened_at, c.first_reply_at, c.resolved_at, c.closed_at
            from help_case c join service_point sp on sp.id = c.service_point_id
            """;

    private final JdbcClient jdbc;
    private final ContentCipher content;
    private final Clock clock;

    CaseQueries(JdbcClient jdbc, ContentCipher content, Clock clock) {
        this.content = content;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CaseSummary> visibleTo(Viewer viewer, int limit) {
        String where = viewer.seesAllCases() ? "" : """
                where c.service_point_id in (select service_point_id from account_service_point where account_id = :account)
                """;
        return jdbc.sql(SUMMARY + where + " order by c.id desc fetch first :limit rows only")
                .param("account", viewer.accountId()).param("limit", limit)
                .query((rs, n) -> summary(rs)).list();
    }

    /** The case, if it exists and the viewer may see it; otherwise empty (the caller answers 404 either way). */
    public Optional<CaseSummary> find(Viewer viewer, long id) {
        return jdbc.sql(SUMMARY + " where c.id = :id").param("id", id).query((rs, n) -> summary(rs)).optional()
                .filter(c -> viewer.canSee(c.servicePointId()));
    }

    /**
     * The case's messages, texts included; reading them is recorded in the case's audit as a view (detail "api"), as
     * opening the case's page is: a woman's words are read by someone, whatever the way.
     */
    public List<ThreadMessage> thread(Viewer viewer, long caseId) {
        if (find(viewer, caseId).isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        insert into case_audit (case_id, account_id, action_type, detail, created_at)
                        values (:case, :account, 'VIEW', 'api', :now)""")
                .param("case", caseId).param("account", viewer.accountId()).param("now", HotlineClock.now(clock)).update();
        return jdbc.sql("""
                        select id, direction, channel, body, attachment_type, category, confidence, urgent, model_version, state,
                               failure_reason, created_at, sent_at
                        from message where case_id = :id order by id""")
                .param("id", caseId)
                .query((rs, n) -> new ThreadMessage(rs.getLong("id"), rs.getString("direction"), rs.getString("channel"),
                        content.open(rs.getString("body")), rs.getString("attachment_type"), rs.getString("category"),
                        (Double) rs.getObject("confidence"), (Boolean) rs.getObject("urgent"), rs.getString("model_version"),
                        rs.getString("state"), rs.getString("failure_reason"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getObject("sent_at", java.time.OffsetDateTime.class)))
                .list();
    }

    private static CaseSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseSummary(rs.getLong("id"), rs.getString("category"), rs.getString("priority"), rs.getString("status"),
                rs.getString("service_point_id"), rs.getString("sp_name"), rs.getString("channel"), rs.getString("route_reason"),
                rs.getObject("opened_at", java.time.OffsetDateTime.class), rs.getObject("first_reply_at", java.time.OffsetDateTime.class),
                rs.getObject("resolved_at", java.time.OffsetDateTime.class), rs.getObject("closed_at", java.time.OffsetDateTime.class));
    }
}
