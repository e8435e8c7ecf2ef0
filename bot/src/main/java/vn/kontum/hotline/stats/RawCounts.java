package vn.kontum.hotline.stats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.oncall.ResponseTargets;

/**
 * Counts a period straight from the cases and messages. Officers' figures (their own service points) are counted
 * this way; the city's come from {@link DailyRollup}, which must give the same, and falls back to this.
 */
@Component
class RawCounts {

    /**
     * Cases written to the hotline, whose times are measured: a case an officer recorded from a call or a visit is
     * answered as it is recorded (first reply at opening), and may be dated up to a year back, so its first-response
     * and resolution times say nothing of how fast the hotline answers or resolves.
     */
    static final String ANSWERED_IN_WRITING = "c.channel in (" + java.util.Arrays.stream(vn.kontum.hotline.Channel.values())
            .filter(vn.kontum.hotline.Channel::messaging).map(ch -> "'" + ch.id() + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ResponseTargets targets;
    private final Clock clock;

    RawCounts(JdbcClient jdbc, SqlDialect dialect, ResponseTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.targets = targets;
        this.clock = clock;
    }

    Counts count(Scope scope, Period period) {
        Map<String, Object> p = params(scope, period);
        String inPeriod = " where c.opened_at >= :from and c.opened_at < :to" + scope.cases("c");
        Counts counts = new Counts();

        // One scan of the period's cases for the counts by category, channel, priority and day.
        jdbc.sql("select d, category, channel, priority, count(*) as n from (select " + StatsDay.of("c.opened_at")
                        + " as d, c.category, c.channel, c.priority from help_case c" + inPeriod + ") x group by d, category, channel, priority")
                .params(p).query((rs, i) -> {
                    counts.cases(rs.getString("category"), rs.getString("channel"), rs.getString("priority"), rs.getLong("n"));
                    counts.casesOn(rs.getInt("d"), rs.getString("category"), rs.getLong("n"));
                    return null;
                }).list();

        // One scan with the people and places behind them, for the indicators.
        Map<String, Object> people = jdbc.sql("""
                        select count(distinct c.contact_id) as contacts,
                               count(distinct case when ct.created_at >= :from then c.contact_id end) as new_contacts,
                               count(distinct case when sp.kind = 'TRUSTED_ADDRESS' then c.service_point_id end) as trusted,
                               count(distinct ct.village_id) as villages,
                               count(distinct case when v.especially_disadvantaged then ct.village_id end) as disadvantaged,
                               count(distinct case when c.category = 'safe_delivery' then c.contact_id end) as safe_delivery
                        from help_case c join contact ct on ct.id = c.contact_id
                        join service_point sp on sp.id = c.service_point_id
                        left join village v on v.id = ct.village_id""" + inPeriod)
                .params(p).query().singleRow();
        counts.contacts = asLong(people.get("contacts"));
        counts.newContacts = asLong(people.get("new_contacts"));
        counts.trustedAddresses = asLong(people.get("trusted"));
        counts.villages = asLong(people.get("villages"));
        counts.disadvantagedVillages = asLong(people.get("disadvantaged"));
        counts.safeDeliveryContacts = asLong(people.get("safe_delivery"));

        jdbc.sql("""
                        select co.id as commune_id, co.name as commune, v.id as village_id, v.name as village, count(*) as n
                        from help_case c join contact ct on ct.id = c.contact_id
                        left join village v on v.id = ct.village_id
                        left join commune co on co.id = coalesce(ct.commune_id, v.commune_id)""" + inPeriod
                        + " group by co.id, co.name, v.id, v.name")
                .params(p).query((rs, i) -> counts.byPlace.merge(new Counts.Place(rs.getString("commune_id"), rs.getString("commune"),
                        rs.getString("village_id"), rs.getString("village")), rs.getLong("n"), Long::sum)).list();
        jdbc.sql("select sp.id, sp.name, count(*) as n from help_case c join service_point sp on sp.id = c.service_point_id"
                        + inPeriod + " group by sp.id, sp.name")
                .params(p).query((rs, i) -> counts.byServicePoint.merge(new Counts.Point(rs.getString("id"), rs.getString("name")),
                        rs.getLong("n"), Long::sum)).list();

        jdbc.sql("select d, category, channel, count(*) as n from (select " + StatsDay.of("m.created_at") + " as d, m.category, m.channel"
                        + " from message m where m.created_at >= :from and m.created_at < :to and m.direction = 'IN'" + scope.messages("m")
                        + ") x group by d, category, channel")
                .params(p).query((rs, i) -> {
                    counts.messages(rs.getInt("d"), rs.getString("category"), rs.getString("channel"), rs.getLong("n"));
                    return null;
                }).list();

        byCategory(counts.resolvedByCategory, "c.resolved_at", scope, p);
        byCategory(counts.closedByCategory, "c.closed_at", scope, p);
        times(counts, inPeriod, p);
        breaches(counts, inPeriod, p);
        return counts;
    }

    /** The service points whose figures a scope shows: every one of the directory for the city, its own otherwise. */
    java.util.List<Counts.Point> pointsOf(Scope scope) {
        var query = scope.city() ? jdbc.sql("select sp.id, sp.name from service_point sp")
                : jdbc.sql("select sp.id, sp.name from service_point sp join account_service_point a on a.service_point_id = sp.id"
                        + " where a.account_id = :account").param("account", scope.accountId());
        return query.query((rs, i) -> new Counts.Point(rs.getString("id"), rs.getString("name"))).list();
    }

    /** The names of the service points a scope limited to its own covers, in alphabetical order. */
    java.util.List<String> servicePoints(Scope scope) {
        return jdbc.sql("select sp.name from service_point sp join account_service_point a on a.service_point_id = sp.id where a.account_id = :account")
                .param("account", scope.accountId()).query(String.class).list().stream().sorted(PlaceOrder.NAMES).toList();
    }

    /** Open cases now, whatever the period. */
    long backlog(Scope scope) {
        return number("select count(*) from help_case c where c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')" + scope.cases("c"),
                Map.of("account", scope.accountId()));
    }

    /** Per category, the cases whose resolution (closure) time is in the period, whenever they were opened. */
    private void byCategory(Map<String, Long> into, String at, Scope scope, Map<String, Object> p) {
        jdbc.sql("select c.category as k, count(*) as n from help_case c where " + at + " >= :from and " + at + " < :to"
                        + scope.cases("c") + " group by c.category")
                .params(p).query((rs, i) -> into.merge(rs.getString("k"), rs.getLong("n"), Long::sum)).list();
    }

    /** Every first-response and resolution time with its count (one scan): exact percentiles on both databases. */
    private void times(Counts counts, String inPeriod, Map<String, Object> p) {
        jdbc.sql("select priority, f, r, count(*) as n from (select c.priority, "
                        + dialect.minutesBetween("c.opened_at", "c.first_reply_at") + " as f, " + dialect.minutesBetween("c.opened_at", "c.resolved_at") + " as r from help_case c" + inPeriod
                        + " and " + ANSWERED_IN_WRITING + " and (c.first_reply_at is not null or c.resolved_at is not null)) x group by priority, f, r")
                .params(p).query((rs, i) -> {
                    double first = rs.getDouble("f");
                    if (!rs.wasNull()) {
                        counts.time(true, rs.getString("priority"), first, rs.getLong("n"));
                    }
                    double resolved = rs.getDouble("r");
                    if (!rs.wasNull()) {
                        counts.time(false, rs.getString("priority"), resolved, rs.getLong("n"));
                    }
                    return null;
                }).list();
    }

    /**
     * Cases past their first-response target, per priority. Counted here rather than in SQL: the normal target
     * is in working hours, which depend on each service point's opening hours.
     */
    private void breaches(Counts counts, String inPeriod, Map<String, Object> p) {
        OffsetDateTime now = HotlineClock.now(clock);
        jdbc.sql("select c.priority, c.service_point_id, c.opened_at, c.urgent_since, c.first_reply_at from help_case c" + inPeriod)
                .params(p).query((rs, i) -> {
                    String priority = rs.getString("priority");
                    if (targets.breached(priority, rs.getString("service_point_id"), rs.getObject("opened_at", OffsetDateTime.class),
                            rs.getObject("urgent_since", OffsetDateTime.class), rs.getObject("first_reply_at", OffsetDateTime.class), now)) {
                        counts.breaches.merge(priority, 1L, Long::sum);
                    }
                    return null;
                }).list();
    }

    private static Map<String, Object> params(Scope scope, Period period) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", period.start());
        p.put("to", period.end());
        p.put("account", scope.accountId());
        return p;
    }

    private long number(String sql, Map<String, Object> p) {
        Long n = jdbc.sql(sql).params(p).query(Long.class).single();
        return n == null ? 0 : n;
    }

    static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
