package vn.kontum.hotline.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Viewer;

/** The audit of reports taken out: every XLSX, CSV and printed report, kept in the database for coordinators. */
@Component
public class ReportExports {

    private static final Logger log = LoggerFactory.getLogger(ReportExports.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportExports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Export(String username, String format, LocalDate from, LocalDate to, String scope, OffsetDateTime at) {
    }

    public void record(Viewer viewer, LocalDate from, LocalDate to, String scope, String format) {
        jdbc.sql("""
                        insert into report_export (account_id, format, period_from, period_to, scope, exported_at)
                        values (:account, :format, :from, :to, :scope, :now)""")
                .param("account", viewer.accountId()).param("format", format).param("from", from).param("to", to)
                .param("scope", scope.length() <= 200 ? scope : scope.substring(0, 200)).param("now", HotlineClock.now(clock)).update();
        log.info("report exported account={} period={}..{} format={}", viewer.accountId(), from, to, format);
    }

    /** The latest exports, newest first; for coordinators only (the caller checks). */
    public List<Export> recent(int limit) {
        return jdbc.sql("""
                        select a.username, e.format, e.period_from, e.period_to, e.scope, e.exported_at
                        from report_export e join account a on a.id = e.account_id
                        order by e.exported_at desc, e.id desc fetch first :limit rows only""")
                .param("limit", limit)
                .query((rs, n) -> new Export(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
