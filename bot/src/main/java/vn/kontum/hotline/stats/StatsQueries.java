package vn.kontum.hotline.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.oncall.ResponseTargets;

/**
 * Computes a {@link StatsReport} with aggregate queries. A coordinator sees the whole city; an officer only the
 * cases of their own service points. Erased conversations still count: only their content is gone.
 */
@Component
public class StatsQueries {

    private static final List<String> LABELS = java.util.Arrays.stream(Topic.values()).map(Topic::label).toList();

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final SmallCountSuppression suppression;
    private final long trustedAddressesTarget;
    private final long villagesTarget;
    private final long disadvantagedVillagesTarget;
    private final ResponseTargets targets;
    private final java.time.Clock clock;

    StatsQueries(JdbcClient jdbc, SqlDialect dialect, ResponseTargets targets, java.time.Clock clock,
                 @Value("${hotline.stats.small-count-threshold:5}") int threshold,
                 @Value("${hotline.stats.target.trusted-addresses:16}") long trustedAddressesTarget,
                 @Value("${hotline.stats.target.villages:60}") long villagesTarget,
                 @Value("${hotline.stats.target.disadvantaged-villages:13}") long disadvantagedVillagesTarget) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.suppression = new SmallCountSuppression(threshold);
        this.trustedAddressesTarget = trustedAddressesTarget;
        this.villagesTarget = villagesTarget;
        this.disadvantagedVillagesTarget = disadvantagedVillagesTarget;
        this.targets = targets;
        this.clock = clock;
    }

    public static final java.time.ZoneId VIETNAM = Period.VIETNAM;

    /** The figures for these calendar days (Vietnam's time, both ends included). */
    public StatsReport report(Viewer viewer, java.time.LocalDate from, java.time.LocalDate to) {
        return report(viewer, new Period(from, to));
    }

    public StatsReport report(Viewer viewer, Period period) {
        Scope scope = new Scope(viewer);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", period.start());
        p.put("to", period.end());
        p.put("account", viewer.accountId());
        String inPeriod = " where c.opened_at >= :from and c.opened_at < :to" + scope.cases("c");

        // One scan of the period's cases for the counts by category, channel and priority.
        Map<String, Long> casesByCategory = new TreeMap<>();
        Map<String, Long> casesByChannel = new TreeMap<>();
        Map<String, Long> casesByPriority = new TreeMap<>();
        jdbc.sql("select c.category, c.channel, c.priority, count(*) as n from help_case c" + inPeriod
                        + " group by c.category, c.channel, c.priority")
                .params(p).query((rs, i) -> {
                    long n = rs.getLong("n");
                    casesByCategory.merge(rs.getString("category"), n, Long::sum);
                    casesByChannel.merge(rs.getString("channel"), n, Long::sum);
                    casesByPriority.merge(rs.getString("priority"), n, Long::sum);
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

        Map<String, Long> byCommune = new TreeMap<>();
        Map<String, Long> byVillage = new TreeMap<>();
        jdbc.sql("""
                        select coalesce(co.name, '?') as commune, coalesce(v.name, '?') as village, count(*) as n
                        from help_case c join contact ct on ct.id = c.contact_id
                        left join village v on v.id = ct.village_id
                        left join commune co on co.id = coalesce(ct.commune_id, v.commune_id)""" + inPeriod
                        + " group by co.name, v.name")
                .params(p).query((rs, i) -> {
                    byCommune.merge(rs.getString("commune"), rs.getLong("n"), Long::sum);
                    byVillage.merge(rs.getString("village"), rs.getLong("n"), Long::sum);
                    return null;
                }).list();
        Map<String, Long> byServicePoint = counts("""
                select sp.name as k, count(*) as n from help_case c join service_point sp on sp.id = c.service_point_id"""
                + inPeriod + " group by sp.name", p);

        Map<String, Long> messagesByCategory = new TreeMap<>();
        Map<String, Long> messagesByChannel = new TreeMap<>();
        jdbc.sql("""
                        select m.category, m.channel, count(*) as n from message m
                        where m.created_at >= :from and m.created_at < :to and m.direction = 'IN'""" + scope.messages("m")
                        + " group by m.category, m.channel")
                .params(p).query((rs, i) -> {
                    long n = rs.getLong("n");
                    if (rs.getString("category") != null) {
                        messagesByCategory.merge(rs.getString("category"), n, Long::sum);
                    }
                    messagesByChannel.merge(rs.getString("channel"), n, Long::sum);
                    return null;
                }).list();

        long opened = casesByCategory.values().stream().mapToLong(Long::longValue).sum();
        long backlog = number("select count(*) from help_case c where c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')"
                + scope.cases("c"), p);
        long resolvedViolenceTrafficking = number("""
                select count(*) from help_case c where c.category in ('violence', 'trafficking')
                  and c.resolved_at >= :from and c.resolved_at < :to""" + scope.cases("c"), p);
        long newContacts = asLong(people.get("new_contacts"));

        StatsReport.Indicators indicators = new StatsReport.Indicators(
                asLong(people.get("trusted")), trustedAddressesTarget,
                asLong(people.get("villages")), villagesTarget,
                asLong(people.get("disadvantaged")), disadvantagedVillagesTarget,
                asLong(people.get("safe_delivery")),
                casesByCategory.getOrDefault("violence", 0L) + casesByCategory.getOrDefault("trafficking", 0L),
                resolvedViolenceTrafficking,
                casesByCategory.getOrDefault("savings_loans", 0L));

        return new StatsReport(period.from(), period.to(), viewer.seesAllCases() ? "city" : "own service points",
                labelled(messagesByCategory), messagesByChannel, labelled(casesByCategory), casesByChannel, casesByPriority,
                suppression.apply(byCommune), suppression.apply(byVillage), byServicePoint, opened,
                casesByPriority.getOrDefault("URGENT", 0L), backlog, newContacts, asLong(people.get("contacts")) - newContacts,
                answering(inPeriod, p), indicators, breaches(inPeriod, p));
    }

    /**
     * Cases past their first-response target, per priority. Counted here rather than in SQL: the normal target
     * is in working hours, which depend on each service point's opening hours.
     */
    private Map<String, Long> breaches(String inPeriod, Map<String, Object> p) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("URGENT", 0L);
        out.put("NORMAL", 0L);
        java.time.OffsetDateTime now = vn.kontum.hotline.HotlineClock.now(clock);
        jdbc.sql("select c.priority, c.service_point_id, c.opened_at, c.first_reply_at from help_case c" + inPeriod)
                .params(p).query((rs, i) -> {
                    String priority = rs.getString("priority");
                    if (targets.breached(priority, rs.getString("service_point_id"), rs.getObject("opened_at", java.time.OffsetDateTime.class),
                            rs.getObject("first_reply_at", java.time.OffsetDateTime.class), now)) {
                        out.merge(priority, 1L, Long::sum);
                    }
                    return null;
                }).list();
        return out;
    }

    /** Medians and 90th percentiles computed by the database, per priority. */
    private Map<String, StatsReport.Answering> answering(String inPeriod, Map<String, Object> p) {
        Map<String, StatsReport.Answering> out = new LinkedHashMap<>();
        for (String priority : List.of("URGENT", "NORMAL")) {
            out.put(priority, new StatsReport.Answering(0, null, null, 0, null, null));
        }
        String firstResponse = dialect.minutesBetween("c.opened_at", "c.first_reply_at");
        String resolution = dialect.minutesBetween("c.opened_at", "c.resolved_at");
        if (dialect == SqlDialect.H2) {
            return answeringInJava(inPeriod, p, firstResponse, resolution, out);
        }
        jdbc.sql("select c.priority, count(c.first_reply_at) as answered, count(c.resolved_at) as resolved, "
                        + "percentile_disc(0.5) within group (order by " + firstResponse + ") as fr50, "
                        + "percentile_disc(0.9) within group (order by " + firstResponse + ") as fr90, "
                        + "percentile_disc(0.5) within group (order by " + resolution + ") as r50, "
                        + "percentile_disc(0.9) within group (order by " + resolution + ") as r90 "
                        + "from help_case c" + inPeriod + " group by c.priority")
                .params(p).query((rs, i) -> out.put(rs.getString("priority"), new StatsReport.Answering(
                        rs.getLong("answered"), nullableLong(rs.getObject("fr50")), nullableLong(rs.getObject("fr90")),
                        rs.getLong("resolved"), nullableLong(rs.getObject("r50")), nullableLong(rs.getObject("r90")))))
                .list();
        return out;
    }

    /**
     * H2's percentile_disc picks a different rank than PostgreSQL's (the standard's nearest rank), so on the
     * embedded default (small volumes) the same nearest-rank percentile is computed here.
     */
    private Map<String, StatsReport.Answering> answeringInJava(String inPeriod, Map<String, Object> p, String firstResponse,
                                                               String resolution, Map<String, StatsReport.Answering> out) {
        Map<String, List<Long>> first = new LinkedHashMap<>();
        Map<String, List<Long>> resolved = new LinkedHashMap<>();
        jdbc.sql("select c.priority, " + firstResponse + " as fr, " + resolution + " as r from help_case c" + inPeriod)
                .params(p).query((rs, i) -> {
                    String priority = rs.getString("priority");
                    if (rs.getObject("fr") != null) {
                        first.computeIfAbsent(priority, k -> new java.util.ArrayList<>()).add(rs.getLong("fr"));
                    }
                    if (rs.getObject("r") != null) {
                        resolved.computeIfAbsent(priority, k -> new java.util.ArrayList<>()).add(rs.getLong("r"));
                    }
                    return null;
                }).list();
        for (String priority : out.keySet()) {
            List<Long> f = first.getOrDefault(priority, List.of());
            List<Long> r = resolved.getOrDefault(priority, List.of());
            out.put(priority, new StatsReport.Answering(f.size(), nearestRank(f, 0.5), nearestRank(f, 0.9),
                    r.size(), nearestRank(r, 0.5), nearestRank(r, 0.9)));
        }
        return out;
    }

    static Long nearestRank(List<Long> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1));
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Map<String, Long> counts(String sql, Map<String, Object> p) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql(sql).params(p).query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n"))).list();
        return out;
    }

    private long number(String sql, Map<String, Object> p) {
        Long n = jdbc.sql(sql).params(p).query(Long.class).single();
        return n == null ? 0 : n;
    }

    /** Every label present, zero included, in the classifier's order. */
    private static Map<String, Long> labelled(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        LABELS.forEach(l -> out.put(l, counts.getOrDefault(l, 0L)));
        return out;
    }

    /** Limits every query to what the viewer may see. */
    private record Scope(Viewer viewer) {
        String cases(String alias) {
            return viewer.seesAllCases() ? "" : " and " + alias + ".service_point_id in "
                    + "(select service_point_id from account_service_point where account_id = :account)";
        }

        String messages(String alias) {
            return viewer.seesAllCases() ? "" : " and " + alias + ".case_id in (select id from help_case where service_point_id in "
                    + "(select service_point_id from account_service_point where account_id = :account))";
        }
    }
}
