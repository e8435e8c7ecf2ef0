package vn.kontum.hotline.stats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.nlp.Topic;

/**
 * Computes a {@link StatsReport} with aggregate queries. A coordinator sees the whole city; an officer only the
 * cases of their own service points. Erased conversations still count: only their content is gone.
 */
@Component
public class StatsQueries {

    private static final List<String> LABELS = java.util.Arrays.stream(Topic.values()).map(Topic::label).toList();

    private final JdbcClient jdbc;
    private final SmallCountSuppression suppression;
    private final long trustedAddressesTarget;
    private final long villagesTarget;
    private final long disadvantagedVillagesTarget;

    StatsQueries(JdbcClient jdbc,
                 @Value("${hotline.stats.small-count-threshold:5}") int threshold,
                 @Value("${hotline.stats.target.trusted-addresses:16}") long trustedAddressesTarget,
                 @Value("${hotline.stats.target.villages:60}") long villagesTarget,
                 @Value("${hotline.stats.target.disadvantaged-villages:13}") long disadvantagedVillagesTarget) {
        this.jdbc = jdbc;
        this.suppression = new SmallCountSuppression(threshold);
        this.trustedAddressesTarget = trustedAddressesTarget;
        this.villagesTarget = villagesTarget;
        this.disadvantagedVillagesTarget = disadvantagedVillagesTarget;
    }

    public static final java.time.ZoneId VIETNAM = Period.VIETNAM;

    /** The figures for these calendar days (Vietnam's time, both ends included). */
    public StatsReport report(Viewer viewer, java.time.LocalDate from, java.time.LocalDate to) {
        return report(viewer, new Period(from, to));
    }

    StatsReport report(Viewer viewer, Period period) {
        Scope scope = new Scope(viewer);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", period.start());
        p.put("to", period.end());
        p.put("account", viewer.accountId());
        String cases = "from help_case c where c.opened_at >= :from and c.opened_at < :to" + scope.cases("c");

        Map<String, Long> messagesByCategory = labelled(counts("""
                select m.category as k, count(*) as n from message m
                where m.direction = 'IN' and m.created_at >= :from and m.created_at < :to and m.category is not null"""
                + scope.messages("m") + " group by m.category", p));
        Map<String, Long> messagesByChannel = counts("""
                select m.channel as k, count(*) as n from message m
                where m.direction = 'IN' and m.created_at >= :from and m.created_at < :to""" + scope.messages("m")
                + " group by m.channel", p);
        Map<String, Long> casesByCategory = labelled(counts("select c.category as k, count(*) as n " + cases + " group by c.category", p));
        Map<String, Long> casesByChannel = counts("select c.channel as k, count(*) as n " + cases + " group by c.channel", p);
        Map<String, Long> casesByPriority = counts("select c.priority as k, count(*) as n " + cases + " group by c.priority", p);
        Map<String, Long> byCommune = counts("""
                select coalesce(co.name, '?') as k, count(*) as n from help_case c
                join contact ct on ct.id = c.contact_id
                left join village v on v.id = ct.village_id
                left join commune co on co.id = coalesce(ct.commune_id, v.commune_id)
                where c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c") + " group by co.name", p);
        Map<String, Long> byVillage = counts("""
                select coalesce(v.name, '?') as k, count(*) as n from help_case c
                join contact ct on ct.id = c.contact_id left join village v on v.id = ct.village_id
                where c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c") + " group by v.name", p);
        Map<String, Long> byServicePoint = counts("""
                select sp.name as k, count(*) as n from help_case c join service_point sp on sp.id = c.service_point_id
                where c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c") + " group by sp.name", p);

        long opened = casesByCategory.values().stream().mapToLong(Long::longValue).sum();
        long urgent = casesByPriority.getOrDefault("URGENT", 0L);
        long backlog = number("select count(*) from help_case c where c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')"
                + scope.cases("c"), p);
        long newContacts = number("""
                select count(distinct c.contact_id) from help_case c join contact ct on ct.id = c.contact_id
                where c.opened_at >= :from and c.opened_at < :to and ct.created_at >= :from""" + scope.cases("c"), p);
        long allContacts = number("select count(distinct c.contact_id) " + cases, p);

        Map<String, StatsReport.Answering> answering = new LinkedHashMap<>();
        for (String priority : List.of("URGENT", "NORMAL")) {
            answering.put(priority, answering(cases, priority, p));
        }

        StatsReport.Indicators indicators = new StatsReport.Indicators(
                number("""
                        select count(distinct c.service_point_id) from help_case c join service_point sp on sp.id = c.service_point_id
                        where sp.kind = 'TRUSTED_ADDRESS' and c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c"), p),
                trustedAddressesTarget,
                number("""
                        select count(distinct ct.village_id) from help_case c join contact ct on ct.id = c.contact_id
                        where ct.village_id is not null and c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c"), p),
                villagesTarget,
                number("""
                        select count(distinct ct.village_id) from help_case c join contact ct on ct.id = c.contact_id
                        join village v on v.id = ct.village_id
                        where v.especially_disadvantaged and c.opened_at >= :from and c.opened_at < :to""" + scope.cases("c"), p),
                disadvantagedVillagesTarget,
                number("select count(distinct c.contact_id) " + cases + " and c.category = 'safe_delivery'", p),
                number("select count(*) " + cases + " and c.category in ('violence', 'trafficking')", p),
                number("""
                        select count(*) from help_case c where c.category in ('violence', 'trafficking')
                          and c.resolved_at >= :from and c.resolved_at < :to""" + scope.cases("c"), p),
                number("select count(*) " + cases + " and c.category = 'savings_loans'", p));

        return new StatsReport(period.from(), period.to(), viewer.seesAllCases() ? "city" : "own service points",
                messagesByCategory, messagesByChannel, casesByCategory, casesByChannel, casesByPriority,
                suppression.apply(byCommune), suppression.apply(byVillage), byServicePoint, opened, urgent, backlog,
                newContacts, allContacts - newContacts, answering, indicators);
    }

    private StatsReport.Answering answering(String cases, String priority, Map<String, Object> p) {
        List<Long> firstResponse = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        jdbc.sql("select c.opened_at, c.first_reply_at, c.resolved_at " + cases + " and c.priority = :priority")
                .params(p).param("priority", priority)
                .query((rs, n) -> {
                    OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
                    OffsetDateTime replied = rs.getObject("first_reply_at", OffsetDateTime.class);
                    OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
                    if (replied != null) {
                        firstResponse.add(Duration.between(opened, replied).toMinutes());
                    }
                    if (resolved != null) {
                        resolution.add(Duration.between(opened, resolved).toMinutes());
                    }
                    return null;
                }).list();
        return new StatsReport.Answering(firstResponse.size(), percentile(firstResponse, 0.5), percentile(firstResponse, 0.9),
                resolution.size(), percentile(resolution, 0.5), percentile(resolution, 0.9));
    }

    /** Nearest-rank percentile; null when there is nothing to measure. */
    static Long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
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
