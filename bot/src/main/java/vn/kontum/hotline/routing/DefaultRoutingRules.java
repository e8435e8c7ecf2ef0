package vn.kontum.hotline.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.directory.ServicePointKind;
import vn.kontum.hotline.nlp.Topic;

/**
 * Writes the default rules once, at first start, from the directory as loaded (the sample or
 * {@code HOTLINE_DIRECTORY_FILE}): violence and trafficking to the commune's trusted address, trafficking also told
 * to the police focal point (the commune's, else the city's); safe delivery to the commune's health station, else the
 * city health centre; savings and loans to the village's savings group, else the Social Policy Bank desk; other to
 * the city Women's Union. What no rule covers takes the fallback chain in {@link Router}.
 */
@Component
@DependsOn("sampleDirectoryLoader")
class DefaultRoutingRules implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DefaultRoutingRules.class);
    static final String SEED = "routing-rules";
    private static final int DEFAULT_ORDER = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DefaultRoutingRules(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    private record Point(String id, ServicePointKind kind, @Nullable String communeId, List<String> categories, List<String> villages) {
    }

    private record Rule(String category, @Nullable String villageId, @Nullable String communeId, String servicePointId,
                        @Nullable String alsoNotifyId) {
    }

    @Override
    public void afterPropertiesSet() {
        if (jdbc.sql("select count(*) from first_start_seed where name = :n").param("n", SEED).query(Long.class).single() > 0) {
            return;
        }
        try {
            Integer written = tx.execute(status -> {
                // The marker first: a second node starting at the same moment fails here and writes nothing.
                jdbc.sql("insert into first_start_seed (name, seeded_at) values (:n, :now)")
                        .param("n", SEED).param("now", HotlineClock.now(clock)).update();
                if (jdbc.sql("select count(*) from routing_rule").query(Long.class).single() > 0) {
                    return 0;
                }
                List<Rule> rules = defaults(points());
                rules.forEach(this::insert);
                return rules.size();
            });
            log.info("default routing rules written: {}", written);
        } catch (DuplicateKeyException e) {
            log.info("default routing rules already written by another node");
        }
    }

    static List<Rule> defaults(List<Point> points) {
        List<Rule> rules = new ArrayList<>();
        for (Point p : points) {
            for (String category : p.categories()) {
                // Only the hotline's own categories; the police are told, never a woman's first contact.
                if (Topic.fromLabel(category).isEmpty() || p.kind() == ServicePointKind.POLICE) {
                    continue;
                }
                String police = category.equals(Topic.TRAFFICKING.label()) ? police(points, p.communeId()).orElse(null) : null;
                if (p.kind() == ServicePointKind.WOMENS_UNION && p.communeId() == null) {
                    // The city union takes "other", and trafficking where no trusted address is known; for the
                    // rest, what no rule covers reaches it through the fallback chain.
                    if (category.equals(Topic.OTHER.label()) || category.equals(Topic.TRAFFICKING.label())) {
                        rules.add(new Rule(category, null, null, p.id(), police));
                    }
                } else if (p.kind() == ServicePointKind.SAVINGS_GROUP && !p.villages().isEmpty()) {
                    p.villages().forEach(v -> rules.add(new Rule(category, v, null, p.id(), police)));
                } else {
                    rules.add(new Rule(category, null, p.communeId(), p.id(), police));
                }
            }
        }
        return rules;
    }

    /** The commune's police focal point, else the city's. */
    private static Optional<String> police(List<Point> points, @Nullable String communeId) {
        Optional<String> local = points.stream().filter(p -> p.kind() == ServicePointKind.POLICE && communeId != null
                && communeId.equals(p.communeId())).map(Point::id).findFirst();
        return local.isPresent() ? local : points.stream().filter(p -> p.kind() == ServicePointKind.POLICE && p.communeId() == null)
                .map(Point::id).findFirst();
    }

    private List<Point> points() {
        Map<String, List<String>> categories = group("select service_point_id, category from service_point_category order by category");
        Map<String, List<String>> villages = group("select service_point_id, village_id from service_point_village order by village_id");
        return jdbc.sql("select id, kind, commune_id from service_point order by id")
                .query((rs, n) -> new Point(rs.getString("id"), ServicePointKind.valueOf(rs.getString("kind")), rs.getString("commune_id"),
                        categories.getOrDefault(rs.getString("id"), List.of()), villages.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    private Map<String, List<String>> group(String sql) {
        Map<String, List<String>> out = new TreeMap<>();
        jdbc.sql(sql).query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return out;
    }

    private void insert(Rule rule) {
        jdbc.sql("""
                        insert into routing_rule (category, village_id, commune_id, service_point_id, also_notify_id, sort_order, updated_at)
                        values (:category, :village, :commune, :sp, :notify, :sortOrder, :now)""")
                .paramSource(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("category", rule.category())
                        .addValue("village", rule.villageId(), java.sql.Types.VARCHAR)
                        .addValue("commune", rule.communeId(), java.sql.Types.VARCHAR)
                        .addValue("sp", rule.servicePointId())
                        .addValue("notify", rule.alsoNotifyId(), java.sql.Types.VARCHAR)
                        .addValue("sortOrder", DEFAULT_ORDER)
                        .addValue("now", HotlineClock.now(clock)))
                .update();
    }
}
