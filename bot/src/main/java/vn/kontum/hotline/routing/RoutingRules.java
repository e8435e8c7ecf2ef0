package vn.kontum.hotline.routing;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;
import vn.kontum.hotline.nlp.Topic;

/**
 * The routing rules coordinators keep. Read from the database at each routing, without a cache: a case is routed
 * once, the query is small, and an edit is seen at once by every node.
 */
@Component
public class RoutingRules {

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

    public static final int MAX_SORT_ORDER = 9_999;

    /** A change refused for a reason a coordinator can read; {@code key} is in the message bundles. */
    public static final class Refused extends RuntimeException {
        public final String key;

        public Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    /** A rule that applies to a case, with its service points. */
    record Match(long id, ServicePoint servicePoint, @Nullable ServicePoint alsoNotify) {
    }

    private static final String SELECT = """
            select r.id, r.category, r.village_id, v.name as village_name, r.commune_id, c.name as commune_name,
                   r.service_point_id, sp.name as sp_name, r.also_notify_id, n.name as notify_name, r.sort_order
            from routing_rule r
            join service_point sp on sp.id = r.service_point_id
            left join service_point n on n.id = r.also_notify_id
            left join village v on v.id = r.village_id
            left join commune c on c.id = r.commune_id
            """;

    /** The order in which rules are tried: the village's, the commune's, then those for anywhere. */
    private static final String PRECISION = "case when r.village_id is not null then 0 when r.commune_id is not null then 1 else 2 end";

    private final JdbcClient jdbc;
    private final Clock clock;

    RoutingRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every rule, or one category's, in the order they are tried within each category. */
    public List<RoutingRule> all(@Nullable String category) {
        return jdbc.sql(SELECT + " where (:category = '' or r.category = :category) order by r.category, " + PRECISION
                        + ", coalesce(c.name, v.name, ''), r.sort_order, r.id")
                .param("category", category == null ? "" : category).query((rs, n) -> rule(rs)).list();
    }

    public Optional<RoutingRule> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, n) -> rule(rs)).optional();
    }

    public long add(RuleChange change, long accountId) {
        check(change);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into routing_rule (category, village_id, commune_id, service_point_id, also_notify_id, sort_order,
                                                  updated_by, updated_at)
                        values (:category, :village, :commune, :sp, :notify, :sortOrder, :by, :now)""")
                .paramSource(params(change, accountId)).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class));
        log.info("routing rule {} added by account {}: {} -> {}", id, accountId, change.category(), change.servicePointId());
        return id;
    }

    public void update(long id, RuleChange change, long accountId) {
        check(change);
        int updated = jdbc.sql("""
                        update routing_rule set category = :category, village_id = :village, commune_id = :commune,
                               service_point_id = :sp, also_notify_id = :notify, sort_order = :sortOrder, updated_by = :by,
                               updated_at = :now
                        where id = :id""")
                .paramSource(params(change, accountId).addValue("id", id)).update();
        if (updated == 0) {
            throw new Refused("routing.refused.unknown-rule");
        }
        log.info("routing rule {} changed by account {}: {} -> {}", id, accountId, change.category(), change.servicePointId());
    }

    public void delete(long id, long accountId) {
        if (jdbc.sql("delete from routing_rule where id = :id").param("id", id).update() == 0) {
            throw new Refused("routing.refused.unknown-rule");
        }
        log.info("routing rule {} deleted by account {}", id, accountId);
    }

    /** The rules for a category that apply to this village or commune, the one to use first. */
    List<Match> matching(String category, @Nullable String villageId, @Nullable String communeId) {
        return jdbc.sql("""
                        select r.id, sp.id as sp_id, sp.kind as sp_kind, sp.name as sp_name, sp.commune_id as sp_commune,
                               sp.phone as sp_phone, n.id as n_id, n.kind as n_kind, n.name as n_name, n.commune_id as n_commune,
                               n.phone as n_phone
                        from routing_rule r
                        join service_point sp on sp.id = r.service_point_id
                        left join service_point n on n.id = r.also_notify_id
                        where r.category = :category
                          and (r.village_id = :village or r.commune_id = :commune or (r.village_id is null and r.commune_id is null))
                        order by """ + " " + PRECISION + ", r.sort_order, r.id")
                // "" matches no village or commune, where null would need a typed parameter on PostgreSQL
                .param("category", category).param("village", villageId == null ? "" : villageId)
                .param("commune", communeId == null ? "" : communeId)
                .query((rs, n) -> new Match(rs.getLong("id"), point(rs, "sp_"),
                        rs.getString("n_id") == null ? null : point(rs, "n_")))
                .list();
    }

    /** The commune's trusted address, one serving the village first: the first step of the fallback. */
    Optional<ServicePoint> trustedAddress(@Nullable String villageId, String communeId) {
        return jdbc.sql("""
                        select sp.id as sp_id, sp.kind as sp_kind, sp.name as sp_name, sp.commune_id as sp_commune,
                               sp.phone as sp_phone
                        from service_point sp
                        left join service_point_village v on v.service_point_id = sp.id and v.village_id = :village
                        where sp.kind = :kind and (sp.commune_id = :commune or v.village_id is not null)
                        order by case when v.village_id is null then 1 else 0 end, sp.id""")
                .param("village", villageId == null ? "" : villageId).param("commune", communeId)
                .param("kind", ServicePointKind.TRUSTED_ADDRESS.name())
                .query((rs, n) -> point(rs, "sp_")).list().stream().findFirst();
    }

    Optional<String> communeName(String communeId) {
        return jdbc.sql("select name from commune where id = :id").param("id", communeId).query(String.class).optional();
    }

    /** Refuses a rule naming what does not exist, or sending a woman first to the police. */
    private void check(RuleChange change) {
        if (Topic.fromLabel(change.category()).filter(t -> t.label().equals(change.category())).isEmpty()) {
            throw new Refused("routing.refused.unknown-category");
        }
        if (change.villageId() != null && change.communeId() != null) {
            throw new Refused("routing.refused.unknown-place");
        }
        if (change.villageId() != null && !exists("village", change.villageId())
                || change.communeId() != null && !exists("commune", change.communeId())) {
            throw new Refused("routing.refused.unknown-place");
        }
        Optional<String> kind = jdbc.sql("select kind from service_point where id = :id").param("id", change.servicePointId())
                .query(String.class).optional();
        if (kind.isEmpty()) {
            throw new Refused("routing.refused.unknown-service-point");
        }
        if (ServicePointKind.POLICE.name().equals(kind.get())) {
            throw new Refused("routing.refused.police-first");
        }
        if (change.alsoNotifyId() != null && (!exists("service_point", change.alsoNotifyId())
                || change.alsoNotifyId().equals(change.servicePointId()))) {
            throw new Refused("routing.refused.unknown-also-notify");
        }
        if (change.sortOrder() < 0 || change.sortOrder() > MAX_SORT_ORDER) {
            throw new Refused("routing.refused.sort-order");
        }
    }

    private boolean exists(String table, String id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(RuleChange change, long accountId) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("category", change.category())
                .addValue("village", change.villageId(), java.sql.Types.VARCHAR)
                .addValue("commune", change.communeId(), java.sql.Types.VARCHAR)
                .addValue("sp", change.servicePointId())
                .addValue("notify", change.alsoNotifyId(), java.sql.Types.VARCHAR)
                .addValue("sortOrder", change.sortOrder())
                .addValue("by", accountId)
                .addValue("now", HotlineClock.now(clock));
    }

    private static RoutingRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RoutingRule(rs.getLong("id"), rs.getString("category"), rs.getString("village_id"), rs.getString("village_name"),
                rs.getString("commune_id"), rs.getString("commune_name"), rs.getString("service_point_id"), rs.getString("sp_name"),
                rs.getString("also_notify_id"), rs.getString("notify_name"), rs.getInt("sort_order"));
    }

    private static ServicePoint point(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        return new ServicePoint(rs.getString(prefix + "id"), ServicePointKind.valueOf(rs.getString(prefix + "kind")),
                rs.getString(prefix + "name"), rs.getString(prefix + "commune"), rs.getString(prefix + "phone"));
    }
}
