package vn.kontum.hotline.admin.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.oncall.ResponseTargets;

/**
 * Reads the inbox: only the viewer's service points (coordinators: all), urgent first, then longest waiting. A
 * case waits since its first message after the last officer's reply: two range reads of the message index per
 * open case (10,000 open cases in under 200 ms on PostgreSQL, docs/benchmarks.md).
 */
@Component
class InboxQuery {

    static final int LIMIT = 100;

    private final JdbcClient jdbc;
    private final ResponseTargets targets;
    private final Clock clock;

    InboxQuery(JdbcClient jdbc, ResponseTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    record Village(String id, String name, boolean especiallyDisadvantaged) {
    }

    /** The villages to filter by, with their commune's name, the especially disadvantaged ones marked. */
    List<Village> villages() {
        return jdbc.sql("""
                        select v.id, c.name || ' - ' || v.name, v.especially_disadvantaged
                        from village v join commune c on c.id = v.commune_id order by c.name, v.name""")
                .query((rs, n) -> new Village(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    List<InboxRow> rows(Viewer viewer, InboxFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.priority, c.category, c.status, c.channel, sp.name as sp_name, a.display_name as assigned_name,
                       c.opened_at, c.urgent_since, c.first_reply_at, c.service_point_id,
                       (select min(m.created_at) from message m
                        where m.case_id = c.id and m.direction = 'IN'
                          and m.id > coalesce((select max(o.id) from message o where o.case_id = c.id and o.direction = 'OUT'
                                               and o.author_account_id is not null), 0)) as waiting_since,
                       coalesce((select max(m.id) from message m where m.case_id = c.id and m.direction = 'IN'), 0)
                         > coalesce((select r.last_message_id from case_read r where r.account_id = :me and r.case_id = c.id), 0) as unread
                from help_case c
                join service_point sp on sp.id = c.service_point_id
                left join account a on a.id = c.assigned_officer_id
                where c.status in (:statuses)
                """);
        if (!viewer.seesAllCases()) {
            sql.append(" and c.service_point_id in (select service_point_id from account_service_point where account_id = :account)");
        }
        if (filter.category() != null) {
            sql.append(" and c.category = :category");
        }
        if (filter.channel() != null) {
            sql.append(" and c.channel = :channel");
        }
        if (filter.village() != null) {
            sql.append(" and c.contact_id in (select id from contact where village_id = :village)");
        }
        sql.append(" order by case when c.priority = 'URGENT' then 0 else 1 end, waiting_since nulls last, c.opened_at, c.id");
        sql.append(" fetch first ").append(LIMIT).append(" rows only");
        var statement = jdbc.sql(sql.toString()).param("statuses", filter.statuses()).param("me", viewer.accountId());
        if (!viewer.seesAllCases()) {
            statement = statement.param("account", viewer.accountId());
        }
        if (filter.category() != null) {
            statement = statement.param("category", filter.category());
        }
        if (filter.channel() != null) {
            statement = statement.param("channel", filter.channel());
        }
        if (filter.village() != null) {
            statement = statement.param("village", filter.village());
        }
        OffsetDateTime now = HotlineClock.now(clock);
        return statement.query((rs, n) -> {
            OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
            boolean breached = targets.breached(rs.getString("priority"), rs.getString("service_point_id"), opened,
                    rs.getObject("urgent_since", OffsetDateTime.class),
                    rs.getObject("first_reply_at", OffsetDateTime.class), now);
            return new InboxRow(rs.getLong("id"), rs.getString("priority"), rs.getString("category"),
                    rs.getString("status"), rs.getString("channel"), rs.getString("sp_name"), rs.getString("assigned_name"),
                    opened, rs.getObject("waiting_since", OffsetDateTime.class), breached, rs.getBoolean("unread"));
        }).list();
    }
}
