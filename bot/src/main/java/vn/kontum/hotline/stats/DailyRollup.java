package vn.kontum.hotline.stats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.oncall.ResponseTargets;

/**
 * The city's figures per day, kept in the stats_day* tables (see V13), so that a year is read from a few
 * thousand rows instead of a million messages. Every figure must stay what {@link RawCounts} gives; how each part
 * stays right when old cases change:
 * <ul>
 * <li>Cases: each day is kept with its fingerprint (count, sum of ids, sum of updated_at of the cases opened that
 * day). Before every look, the days of the cases written or updated since the last look (every case update sets
 * updated_at; ids above the last look's largest) have their fingerprint compared, and are counted again when it
 * changed: a corrected category, a new priority, a reply, a resolution, a transfer, a case recorded afterwards
 * (offline) or written in by hand. Every 10 minutes every day's fingerprint is compared (a case whose writing
 * committed late). Every night every day is counted again: a fix by hand in the database that left updated_at as
 * it was, which no fingerprint shows, lasts until then at most. The women of a period are counted through
 * the day of each woman's previous case, so a day counted again also counts again the later days of the same
 * women. Erasure and retention purges change no counted column.</li>
 * <li>A woman who gives a new village (contact.located_at) moves her earlier cases: their days are counted again.</li>
 * <li>Names, kinds and communes of villages and service points are joined when read, so directory changes need
 * nothing.</li>
 * <li>First-response breaches also depend on the opening hours and on the time: a day's breaches are counted again
 * when the hours or targets change, and when one of its unanswered cases reaches its target.</li>
 * <li>Messages never change day and get their category once: days that ended an hour ago or more are rolled up to
 * a watermark id; messages after it, and later days, are counted from the messages; a day holding messages not
 * classified yet is counted again once they are.</li>
 * </ul>
 * Bringing the roll-ups up to date is serialised by a row lock, so several nodes can share one database.
 */
@Component
class DailyRollup {

    private static final Logger log = LoggerFactory.getLogger(DailyRollup.class);
    /** Beyond the OpeningHours cache (30 s): rows counted with hours older than a change are counted again. */
    private static final Duration HOURS_SETTLE = Duration.ofSeconds(60);
    /**
     * Cases updated this long before the last look are looked at again: an update may commit late, or come from a
     * node whose clock is behind. An update by hand that leaves updated_at as it was is counted by the nightly recount.
     */
    private static final Duration UPDATE_MARGIN = Duration.ofMinutes(10);
    /** Contacts who gave a place are looked at again for this long: their update may commit late or on a clock behind. */
    private static final Duration LOCATED_MARGIN = Duration.ofHours(1);
    /** A message is rolled up once its day ended this long ago, with its writing long committed. */
    private static final Duration MESSAGES_SETTLE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ResponseTargets targets;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    DailyRollup(JdbcClient jdbc, SqlDialect dialect, ResponseTargets targets, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.targets = targets;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        // One snapshot for the whole read: the roll-up rows, the watermark and the recent messages agree.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.reading.setReadOnly(true);
    }

    /**
     * Between looks: compares every day's fingerprint with its cases (without the lock, reading only), and counts
     * again what differs (a case written with an id below the last look's largest, committed after that look).
     */
    @Scheduled(fixedDelayString = "${hotline.stats.rollup-every:PT10M}", initialDelayString = "${hotline.stats.rollup-first-after:PT2M}")
    void refreshEverything() {
        try {
            long started = System.nanoTime();
            OffsetDateTime first = jdbc.sql("select min(opened_at) from help_case").query(OffsetDateTime.class).optional().orElse(null);
            int today = StatsDay.of(HotlineClock.now(clock));
            int from = first == null ? today : Math.min(StatsDay.of(first), today);
            Map<Integer, Fingerprint> live = fingerprints(from, today);
            Map<Integer, Stored> stored = stored(from, today);
            Set<Integer> differing = new TreeSet<>();
            for (int day : union(live.keySet(), stored.keySet())) {
                Stored s = stored.get(day);
                if (s == null || !s.fingerprint().same(live.get(day))) {
                    differing.add(day);
                }
            }
            int counted = refresh(from, today, differing);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (counted > 0) {
                log.info("statistics roll-ups checked: {} days counted again in {} ms", counted, ms);
            } else {
                log.debug("statistics roll-ups checked in {} ms: all up to date", ms);
            }
        } catch (RuntimeException e) {
            log.warn("statistics roll-ups not checked ({}); the next run tries again", e.getClass().getSimpleName());
        }
    }

    /**
     * Every night, every day counted again from the cases (a month at a time, each under the lock for a moment) and
     * the messages: what neither a look nor a fingerprint can see, a fix by hand that left updated_at as it was,
     * lasts a day at most.
     */
    @Scheduled(cron = "${hotline.stats.recount-cron:0 30 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void recountEverything() {
        try {
            long started = System.nanoTime();
            OffsetDateTime first = jdbc.sql("select min(opened_at) from help_case").query(OffsetDateTime.class).optional().orElse(null);
            int today = StatsDay.of(HotlineClock.now(clock));
            int from = first == null ? today : Math.min(StatsDay.of(first), today);
            // In order of days: a day is counted after the days before it, whose cases it follows.
            for (int a = from; a <= today; a += 31) {
                Set<Integer> month = new TreeSet<>();
                for (int d = a; d <= Math.min(today, a + 30); d++) {
                    month.add(d);
                }
                refresh(a, Math.min(today, a + 30), month, true, a + 31 > today);
            }
            log.info("statistics roll-ups counted again: {} days in {} ms", today - from + 1, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("statistics roll-ups not counted again ({}); tomorrow night tries again", e.getClass().getSimpleName());
        }
    }

    int refresh(int fromDay, int toDay, Set<Integer> suspects) {
        return refresh(fromDay, toDay, suspects, false, false);
    }

    /**
     * Brings the roll-ups up to date before a look at these days: counts again every day with a case written or
     * updated since the last look (and the {@code suspects}), when its fingerprint says it changed; the breaches
     * of these days when they must be; the messages. {@code recount}: the suspects are counted again whatever
     * their fingerprint; {@code recountMessages}: every day of messages too. Returns how many days were counted again.
     */
    private int refresh(int fromDay, int toDay, Set<Integer> suspects, boolean recount, boolean recountMessages) {
        return Objects.requireNonNull(writing.execute(status -> {
            State locked = lock();
            State state = recountMessages ? locked.withoutMessages() : locked;
            OffsetDateTime now = HotlineClock.now(clock);
            // Read before looking: whatever is written meanwhile is above it, or updated after now, for the next look.
            long watermark = jdbc.sql("select coalesce(max(id), 0) from help_case").query(Long.class).single();
            Set<Integer> candidates = new TreeSet<>(suspects);
            if (!state.casesBuilt() || state.casesWatermark() == null || state.casesCheckedAt() == null) {
                // The first time, every day at once: later days are then never counted before the days they follow.
                OffsetDateTime first = jdbc.sql("select min(opened_at) from help_case").query(OffsetDateTime.class).optional().orElse(null);
                int to = Math.max(toDay, StatsDay.of(now));
                for (int d = first == null ? fromDay : Math.min(fromDay, StatsDay.of(first)); d <= to; d++) {
                    candidates.add(d);
                }
            } else {
                candidates.addAll(jdbc.sql("select distinct " + StatsDay.of("c.opened_at") + " from help_case c where c.updated_at >= :since")
                        .param("since", state.casesCheckedAt().minus(UPDATE_MARGIN)).query(Integer.class).list());
                candidates.addAll(jdbc.sql("select distinct " + StatsDay.of("c.opened_at") + " from help_case c where c.id > :w")
                        .param("w", state.casesWatermark()).query(Integer.class).list());
            }
            Map<Integer, Fingerprint> live = new HashMap<>();
            Set<Integer> stale = changed(candidates, live);
            if (recount) {
                stale.addAll(candidates);
            } else {
                stale.addAll(laterDaysOfTheSameWomen(stale));
            }
            stale.addAll(relocatedDays(state));
            for (int[] run : runs(stale)) {
                live.putAll(fingerprints(run[0], run[1]));
            }

            String basis = breachBasis(state, now);
            OffsetDateTime settledAfter = state.breachBasisSince() == null ? null : state.breachBasisSince().plus(HOURS_SETTLE);
            List<Integer> breachesStale = new ArrayList<>();
            stored(fromDay, toDay).forEach((day, s) -> {
                if (!stale.contains(day) && !s.breachesValid(basis, settledAfter, now)) {
                    breachesStale.add(day);
                }
            });

            for (int[] run : runs(stale)) {
                countCases(run[0], run[1], live, basis, now);
            }
            for (int[] run : runs(breachesStale)) {
                jdbc.sql("delete from stats_day_breaches where epoch_day between :a and :b").param("a", run[0]).param("b", run[1]).update();
                countBreaches(run[0], run[1], basis, now, true);
            }
            jdbc.sql("update stats_rollup_state set cases_built = true, cases_watermark = :w, cases_checked_at = :now where id = 1")
                    .param("w", watermark).param("now", now).update();
            int messageDays = refreshMessages(state, now);
            return stale.size() + breachesStale.size() + messageDays;
        }));
    }

    /** The candidate days whose cases no longer match the fingerprint kept (fills {@code live} with theirs). */
    private Set<Integer> changed(Set<Integer> candidates, Map<Integer, Fingerprint> live) {
        Set<Integer> stale = new TreeSet<>();
        for (int[] run : runs(candidates)) {
            Map<Integer, Fingerprint> now = fingerprints(run[0], run[1]);
            Map<Integer, Stored> kept = stored(run[0], run[1]);
            live.putAll(now);
            for (int day : union(now.keySet(), kept.keySet())) {
                Stored s = kept.get(day);
                if (s == null || !s.fingerprint().same(now.get(day))) {
                    stale.add(day);
                }
            }
        }
        return stale;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The city's figures for the period, from the roll-ups (brought up to date first by {@link #refresh}). */
    Counts read(Period period) {
        return Objects.requireNonNull(reading.execute(status -> {
            Counts counts = new Counts();
            int from = StatsDay.of(period.from());
            int to = StatsDay.of(period.to());
            Map<String, Object> p = Map.of("f", from, "t", to);

            jdbc.sql("select category, channel, priority, sum(cases) as n from stats_day_cases where epoch_day between :f and :t"
                            + " group by category, channel, priority")
                    .params(p).query((rs, i) -> {
                        counts.cases(rs.getString("category"), rs.getString("channel"), rs.getString("priority"), rs.getLong("n"));
                        return null;
                    }).list();
            jdbc.sql("select epoch_day, category, sum(cases) as n from stats_day_cases where epoch_day between :f and :t"
                            + " group by epoch_day, category")
                    .params(p).query((rs, i) -> {
                        counts.casesOn(rs.getInt("epoch_day"), rs.getString("category"), rs.getLong("n"));
                        return null;
                    }).list();

            jdbc.sql("""
                            select co.id as commune_id, co.name as commune, v.id as village_id, v.name as village, sum(p.cases) as n
                            from stats_day_places p left join village v on v.id = p.village_id
                            left join commune co on co.id = coalesce(p.commune_id, v.commune_id)
                            where p.epoch_day between :f and :t group by co.id, co.name, v.id, v.name""")
                    .params(p).query((rs, i) -> counts.byPlace.merge(new Counts.Place(rs.getString("commune_id"), rs.getString("commune"),
                            rs.getString("village_id"), rs.getString("village")), rs.getLong("n"), Long::sum)).list();
            Map<String, Object> places = jdbc.sql("""
                            select count(distinct p.village_id) as villages,
                                   count(distinct case when v.especially_disadvantaged then p.village_id end) as disadvantaged
                            from stats_day_places p left join village v on v.id = p.village_id
                            where p.epoch_day between :f and :t""").params(p).query().singleRow();
            counts.villages = RawCounts.asLong(places.get("villages"));
            counts.disadvantagedVillages = RawCounts.asLong(places.get("disadvantaged"));

            jdbc.sql("""
                            select sp.id, sp.name, sum(p.cases) as n from stats_day_points p join service_point sp on sp.id = p.service_point_id
                            where p.epoch_day between :f and :t group by sp.id, sp.name""")
                    .params(p).query((rs, i) -> counts.byServicePoint.merge(new Counts.Point(rs.getString("id"), rs.getString("name")),
                            rs.getLong("n"), Long::sum)).list();
            counts.trustedAddresses = number("""
                    select count(distinct p.service_point_id) from stats_day_points p join service_point sp on sp.id = p.service_point_id
                    where p.epoch_day between :f and :t and sp.kind = 'TRUSTED_ADDRESS'""", p);

            // A woman counts once: by her first case in the period, the one without a case of hers before it there.
            Map<String, Object> women = jdbc.sql("""
                            select sum(case when safe_delivery then 0 else cases end) as contacts,
                                   sum(case when not safe_delivery and created_day >= :f then cases else 0 end) as new_contacts,
                                   sum(case when safe_delivery then cases else 0 end) as safe_delivery
                            from stats_day_contacts where epoch_day between :f and :t and (prev_day is null or prev_day < :f)""")
                    .params(p).query().singleRow();
            counts.contacts = RawCounts.asLong(women.get("contacts"));
            counts.newContacts = RawCounts.asLong(women.get("new_contacts"));
            counts.safeDeliveryContacts = RawCounts.asLong(women.get("safe_delivery"));

            jdbc.sql("select priority, measure, minutes, sum(cases) as n from stats_day_times where epoch_day between :f and :t"
                            + " group by priority, measure, minutes")
                    .params(p).query((rs, i) -> {
                        counts.time("FIRST".equals(rs.getString("measure")), rs.getString("priority"), rs.getDouble("minutes"), rs.getLong("n"));
                        return null;
                    }).list();
            jdbc.sql("select priority, sum(cases) as n from stats_day_breaches where epoch_day between :f and :t group by priority")
                    .params(p).query((rs, i) -> counts.breaches.merge(rs.getString("priority"), rs.getLong("n"), Long::sum)).list();

            for (String table : List.of("resolved", "closed")) {
                jdbc.sql("select category, sum(cases) as n from stats_day_" + table + " where " + table + "_day between :f and :t group by category")
                        .params(p).query((rs, i) -> ("resolved".equals(table) ? counts.resolvedByCategory : counts.closedByCategory)
                                .merge(rs.getString("category"), rs.getLong("n"), Long::sum)).list();
            }
            readMessages(counts, period, from, to);
            return counts;
        }));
    }

    private void readMessages(Counts counts, Period period, int from, int to) {
        Map<String, Object> st = jdbc.sql("select messages_through, messages_watermark from stats_rollup_state where id = 1").query().singleRow();
        int through = st.get("messages_through") == null ? Integer.MIN_VALUE : ((Number) st.get("messages_through")).intValue();
        long watermark = st.get("messages_watermark") == null ? Long.MAX_VALUE : ((Number) st.get("messages_watermark")).longValue();
        int rolledTo = Math.min(to, through);
        if (rolledTo >= from) {
            jdbc.sql("select epoch_day, category, channel, sum(messages) as n from stats_message_day where epoch_day between :f and :t"
                            + " group by epoch_day, category, channel")
                    .param("f", from).param("t", rolledTo).query((rs, i) -> {
                        counts.messages(rs.getInt("epoch_day"), rs.getString("category"), rs.getString("channel"), rs.getLong("n"));
                        return null;
                    }).list();
            // Written into a rolled-up day after the watermark (by hand, or an import): counted from the messages.
            rawMessages(counts, " and m.id > :w", period.start(), StatsDay.start(rolledTo + 1), watermark);
        }
        OffsetDateTime recent = rolledTo >= from ? StatsDay.start(rolledTo + 1) : period.start();
        if (recent.isBefore(period.end())) {
            rawMessages(counts, "", recent, period.end(), watermark);
        }
    }

    private void rawMessages(Counts counts, String condition, OffsetDateTime start, OffsetDateTime end, long watermark) {
        jdbc.sql("select d, category, channel, count(*) as n from (select " + StatsDay.of("m.created_at") + " as d, m.category, m.channel"
                        + " from message m where m.created_at >= :s and m.created_at < :e and m.direction = 'IN'" + condition
                        + ") x group by d, category, channel")
                .param("s", start).param("e", end).param("w", watermark).query((rs, i) -> {
                    counts.messages(rs.getInt("d"), rs.getString("category"), rs.getString("channel"), rs.getLong("n"));
                    return null;
                }).list();
    }

    // ---- bringing the case roll-ups up to date

    private record State(boolean casesBuilt, @Nullable Long casesWatermark, @Nullable OffsetDateTime casesCheckedAt,
                         @Nullable Integer messagesThrough, @Nullable Long messagesWatermark, @Nullable OffsetDateTime locatedCheckedAt,
                         @Nullable String breachBasis, @Nullable OffsetDateTime breachBasisSince) {
        /** As if no message had been rolled up yet: every day of messages is counted again. */
        State withoutMessages() {
            return new State(casesBuilt, casesWatermark, casesCheckedAt, null, null, locatedCheckedAt, breachBasis, breachBasisSince);
        }
    }

    private State lock() {
        return jdbc.sql("""
                        select cases_built, cases_watermark, cases_checked_at, messages_through, messages_watermark, located_checked_at, breach_basis, breach_basis_since
                        from stats_rollup_state where id = 1 for update""")
                .query((rs, i) -> new State(rs.getBoolean("cases_built"), (Long) rs.getObject("cases_watermark", Long.class),
                        rs.getObject("cases_checked_at", OffsetDateTime.class), (Integer) rs.getObject("messages_through", Integer.class),
                        (Long) rs.getObject("messages_watermark", Long.class), rs.getObject("located_checked_at", OffsetDateTime.class),
                        rs.getString("breach_basis"), rs.getObject("breach_basis_since", OffsetDateTime.class)))
                .single();
    }

    /** Days of every case of the women who gave a place since the last look (with a margin). */
    private List<Integer> relocatedDays(State state) {
        OffsetDateTime checked = jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single();
        List<Integer> days = state.locatedCheckedAt() == null ? List.of() : jdbc.sql("select distinct " + StatsDay.of("c.opened_at")
                        + " from help_case c join contact ct on ct.id = c.contact_id where ct.located_at >= :since")
                .param("since", state.locatedCheckedAt().minus(LOCATED_MARGIN)).query(Integer.class).list();
        jdbc.sql("update stats_rollup_state set located_checked_at = :now where id = 1").param("now", checked).update();
        return days;
    }

    private record Fingerprint(long cases, long idSum, BigDecimal updatedSum) {
        boolean same(@Nullable Fingerprint other) {
            return other != null && cases == other.cases && idSum == other.idSum && updatedSum.compareTo(other.updatedSum) == 0;
        }
    }

    private record Stored(@Nullable Fingerprint fingerprint, @Nullable String breachBasis, @Nullable OffsetDateTime breachBuiltAt,
                          @Nullable OffsetDateTime breachRecheckAt) {
        /** Counted with today's hours and targets (settled in every node's cache), and no unanswered case has reached its target since. */
        boolean breachesValid(String basis, @Nullable OffsetDateTime settledAfter, OffsetDateTime now) {
            return basis.equals(breachBasis) && breachBuiltAt != null && (settledAfter == null || !breachBuiltAt.isBefore(settledAfter))
                    && (breachRecheckAt == null || !now.isAfter(breachRecheckAt));
        }
    }

    /** Read from the cases (an index holds every column needed). */
    private Map<Integer, Fingerprint> fingerprints(int fromDay, int toDay) {
        Map<Integer, Fingerprint> out = new HashMap<>();
        jdbc.sql("select d, count(*) as n, sum(id) as ids, sum(u) as us from (select " + StatsDay.of("c.opened_at")
                        + " as d, c.id, extract(epoch from c.updated_at) as u from help_case c where c.opened_at >= :s and c.opened_at < :e) x group by d")
                .param("s", StatsDay.start(fromDay)).param("e", StatsDay.start(toDay + 1))
                .query((rs, i) -> out.put(rs.getInt("d"), new Fingerprint(rs.getLong("n"), rs.getLong("ids"), rs.getBigDecimal("us"))))
                .list();
        return out;
    }

    private Map<Integer, Stored> stored(int fromDay, int toDay) {
        Map<Integer, Stored> out = new HashMap<>();
        jdbc.sql("""
                        select epoch_day, cases, id_sum, updated_sum, breach_basis, breach_built_at, breach_recheck_at
                        from stats_day where epoch_day between :a and :b""")
                .param("a", fromDay).param("b", toDay)
                .query((rs, i) -> out.put(rs.getInt("epoch_day"), new Stored(
                        new Fingerprint(rs.getLong("cases"), rs.getLong("id_sum"), rs.getBigDecimal("updated_sum")),
                        rs.getString("breach_basis"), rs.getObject("breach_built_at", OffsetDateTime.class),
                        rs.getObject("breach_recheck_at", OffsetDateTime.class))))
                .list();
        return out;
    }

    /**
     * A woman's later cases are counted with the day of her case before them: when a day changes, so may the later
     * days of its women. Counted again too, without going on (their own cases did not change).
     */
    private Set<Integer> laterDaysOfTheSameWomen(Set<Integer> stale) {
        Set<Integer> later = new TreeSet<>();
        for (int[] run : runs(stale)) {
            later.addAll(jdbc.sql("select distinct " + StatsDay.of("n.opened_at") + " from help_case n where n.opened_at >= :e"
                            + " and n.contact_id in (select c.contact_id from help_case c where c.opened_at >= :s and c.opened_at < :e)")
                    .param("s", StatsDay.start(run[0])).param("e", StatsDay.start(run[1] + 1)).query(Integer.class).list());
        }
        later.removeAll(stale);
        return later;
    }

    /** The opening hours and targets the breaches were counted with, and since when (in the state row). */
    private String breachBasis(State state, OffsetDateTime now) {
        StringBuilder all = new StringBuilder(targets.urgentTarget() + "|" + targets.normalTarget() + "|" + Period.VIETNAM);
        jdbc.sql("select service_point_id, weekday, opens, closes from opening_hours order by service_point_id, weekday, opens, closes")
                .query((rs, i) -> all.append('|').append(rs.getString(1)).append(',').append(rs.getInt(2)).append(',')
                        .append(rs.getString(3)).append(',').append(rs.getString(4)))
                .list();
        String basis = sha256(all.toString());
        if (!basis.equals(state.breachBasis())) {
            // The first time there is no older count to distrust; after a change, counts from the next minute only.
            OffsetDateTime since = state.breachBasis() == null ? null : now;
            jdbc.sql("update stats_rollup_state set breach_basis = :b, breach_basis_since = :since where id = 1")
                    .param("b", basis).param("since", since).update();
            return basis;
        }
        return basis;
    }

    private void countCases(int a, int b, Map<Integer, Fingerprint> live, String basis, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("a", a);
        p.put("b", b);
        p.put("s", StatsDay.start(a));
        p.put("e", StatsDay.start(b + 1));
        for (String table : List.of("stats_day", "stats_day_cases", "stats_day_places", "stats_day_points", "stats_day_contacts",
                "stats_day_times", "stats_day_breaches", "stats_day_resolved", "stats_day_closed")) {
            jdbc.sql("delete from " + table + " where epoch_day between :a and :b").params(p).update();
        }
        String day = StatsDay.of("c.opened_at");
        String inRun = " from help_case c where c.opened_at >= :s and c.opened_at < :e";
        jdbc.sql("insert into stats_day_cases (epoch_day, category, channel, priority, cases) select d, category, channel, priority, count(*)"
                + " from (select " + day + " as d, c.category, c.channel, c.priority" + inRun + ") x group by d, category, channel, priority")
                .params(p).update();
        jdbc.sql("insert into stats_day_places (epoch_day, commune_id, village_id, cases) select d, commune_id, village_id, count(*)"
                + " from (select " + day + " as d, ct.commune_id, ct.village_id from help_case c join contact ct on ct.id = c.contact_id"
                + " where c.opened_at >= :s and c.opened_at < :e) x group by d, commune_id, village_id").params(p).update();
        jdbc.sql("insert into stats_day_points (epoch_day, service_point_id, cases) select d, service_point_id, count(*)"
                + " from (select " + day + " as d, c.service_point_id" + inRun + ") x group by d, service_point_id").params(p).update();
        for (boolean safeDelivery : new boolean[] {false, true}) {
            String only = safeDelivery ? " and c.category = 'safe_delivery'" : "";
            jdbc.sql("insert into stats_day_contacts (epoch_day, safe_delivery, prev_day, created_day, cases)"
                            + " select d, " + safeDelivery + ", prev_day, created_day, count(*) from (select " + StatsDay.of("x.opened_at") + " as d, "
                            + StatsDay.of("x.prev_at") + " as prev_day, " + (safeDelivery ? "cast(null as integer)" : StatsDay.of("ct.created_at"))
                            + " as created_day from (select c.contact_id, c.opened_at,"
                            + " lag(c.opened_at) over (partition by c.contact_id order by c.opened_at, c.id) as prev_at from help_case c"
                            + " where c.contact_id in (select w.contact_id from help_case w where w.opened_at >= :s and w.opened_at < :e"
                            + only.replace("c.", "w.") + ")" + only + ") x"
                            + " join contact ct on ct.id = x.contact_id where x.opened_at >= :s and x.opened_at < :e) y"
                            + " group by d, prev_day, created_day")
                    .params(p).update();
        }
        for (boolean first : new boolean[] {true, false}) {
            String until = first ? "c.first_reply_at" : "c.resolved_at";
            jdbc.sql("insert into stats_day_times (epoch_day, priority, measure, minutes, cases) select d, priority, '"
                            + (first ? "FIRST" : "RESOLVED") + "', m, count(*) from (select " + day + " as d, c.priority, "
                            + dialect.minutesBetween("c.opened_at", until) + " as m" + inRun + " and " + until + " is not null"
                            + " and " + RawCounts.ANSWERED_IN_WRITING + ") x"
                            + " group by d, priority, m")
                    .params(p).update();
        }
        for (String table : List.of("resolved", "closed")) {
            jdbc.sql("insert into stats_day_" + table + " (epoch_day, " + table + "_day, category, cases) select d, r, category, count(*) from (select "
                    + day + " as d, " + StatsDay.of("c." + table + "_at") + " as r, c.category" + inRun + " and c." + table + "_at is not null) x"
                    + " group by d, r, category").params(p).update();
        }
        Map<Integer, OffsetDateTime> recheck = countBreaches(a, b, basis, now, false);
        for (int d = a; d <= b; d++) {
            Fingerprint f = live.get(d);
            if (f == null) {
                continue; // no case that day: nothing kept, and nothing to compare with next time
            }
            jdbc.sql("""
                            insert into stats_day (epoch_day, cases, id_sum, updated_sum, built_at, breach_basis, breach_built_at, breach_recheck_at)
                            values (:d, :n, :ids, :us, :now, :basis, :now, :recheck)""")
                    .param("d", d).param("n", f.cases()).param("ids", f.idSum()).param("us", f.updatedSum()).param("now", now)
                    .param("basis", basis).param("recheck", recheck.get(d)).update();
        }
    }

    /**
     * Breaches per day and priority, as {@link RawCounts} counts them; returns per day when the first of its
     * unanswered cases not yet past its target will be (null: none).
     */
    private Map<Integer, OffsetDateTime> countBreaches(int a, int b, String basis, OffsetDateTime now, boolean updateDays) {
        Map<Integer, Map<String, Long>> breached = new TreeMap<>();
        Map<Integer, OffsetDateTime> recheck = new HashMap<>();
        jdbc.sql("select c.priority, c.service_point_id, c.opened_at, c.urgent_since, c.first_reply_at from help_case c"
                        + " where c.opened_at >= :s and c.opened_at < :e")
                .param("s", StatsDay.start(a)).param("e", StatsDay.start(b + 1)).query((rs, i) -> {
                    OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
                    OffsetDateTime replied = rs.getObject("first_reply_at", OffsetDateTime.class);
                    String priority = rs.getString("priority");
                    int d = StatsDay.of(opened);
                    OffsetDateTime due = targets.dueBy(Priority.valueOf(priority), rs.getString("service_point_id"), opened,
                            rs.getObject("urgent_since", OffsetDateTime.class));
                    if ((replied != null ? replied : now).isAfter(due)) {
                        breached.computeIfAbsent(d, k -> new TreeMap<>()).merge(priority, 1L, Long::sum);
                    } else if (replied == null) {
                        recheck.merge(d, due, (x, y) -> x.isBefore(y) ? x : y);
                    }
                    return null;
                }).list();
        breached.forEach((d, byPriority) -> byPriority.forEach((priority, n) -> jdbc.sql(
                        "insert into stats_day_breaches (epoch_day, priority, cases) values (:d, :p, :n)")
                .param("d", d).param("p", priority).param("n", n).update()));
        if (updateDays) {
            jdbc.sql("update stats_day set breach_basis = :basis, breach_built_at = :now, breach_recheck_at = null where epoch_day between :a and :b")
                    .param("basis", basis).param("now", now).param("a", a).param("b", b).update();
            recheck.forEach((d, at) -> jdbc.sql("update stats_day set breach_recheck_at = :at where epoch_day = :d")
                    .param("at", at).param("d", d).update());
        }
        return recheck;
    }

    // ---- messages

    private int refreshMessages(State state, OffsetDateTime now) {
        int through = StatsDay.of(now.minus(MESSAGES_SETTLE)) - 1;
        Integer before = state.messagesThrough();
        if (before != null && before > through) {
            through = before;
        }
        // Read before counting, and counted up to it: a message written meanwhile is above it, and read from the messages.
        long watermark = jdbc.sql("select coalesce(max(id), 0) from message").query(Long.class).single();
        Set<Integer> days = new TreeSet<>();
        if (before == null || state.messagesWatermark() == null) {
            OffsetDateTime first = jdbc.sql("select min(created_at) from message where direction = 'IN'").query(OffsetDateTime.class)
                    .optional().orElse(null);
            if (first != null) {
                for (int d = StatsDay.of(first); d <= through; d++) {
                    days.add(d);
                }
            }
        } else {
            for (int d = before + 1; d <= through; d++) {
                days.add(d);
            }
            days.addAll(jdbc.sql("select distinct " + StatsDay.of("m.created_at") + " from message m where m.id > :w and m.direction = 'IN'"
                            + " and m.created_at < :e")
                    .param("w", state.messagesWatermark()).param("e", StatsDay.start(before + 1)).query(Integer.class).list());
            days.addAll(jdbc.sql("""
                            select distinct p.epoch_day from stats_message_pending p join message m on m.id = p.message_id
                            where m.category is not null""").query(Integer.class).list());
        }
        for (int[] run : runs(days)) {
            Map<String, Object> p = Map.of("a", run[0], "b", run[1], "s", StatsDay.start(run[0]), "e", StatsDay.start(run[1] + 1), "w", watermark);
            jdbc.sql("delete from stats_message_day where epoch_day between :a and :b").params(p).update();
            jdbc.sql("delete from stats_message_pending where epoch_day between :a and :b").params(p).update();
            String inRun = " from message m where m.created_at >= :s and m.created_at < :e and m.direction = 'IN' and m.id <= :w";
            jdbc.sql("insert into stats_message_day (epoch_day, category, channel, messages) select d, category, channel, count(*)"
                    + " from (select " + StatsDay.of("m.created_at") + " as d, m.category, m.channel" + inRun + ") x"
                    + " group by d, category, channel").params(p).update();
            jdbc.sql("insert into stats_message_pending (message_id, epoch_day) select m.id, " + StatsDay.of("m.created_at")
                    + inRun + " and m.category is null").params(p).update();
        }
        jdbc.sql("update stats_rollup_state set messages_through = :t, messages_watermark = :w where id = 1")
                .param("t", through).param("w", watermark).update();
        return days.size();
    }

    // ---- helpers

    /** Contiguous runs [first, last] of the days, so that each run is counted with one query per table. */
    private static List<int[]> runs(Iterable<Integer> days) {
        List<int[]> out = new ArrayList<>();
        for (int d : new TreeSet<Integer>(toList(days))) {
            if (!out.isEmpty() && out.getLast()[1] == d - 1) {
                out.getLast()[1] = d;
            } else {
                out.add(new int[] {d, d});
            }
        }
        return out;
    }

    private static List<Integer> toList(Iterable<Integer> days) {
        List<Integer> out = new ArrayList<>();
        days.forEach(out::add);
        return out;
    }

    private long number(String sql, Map<String, Object> p) {
        Long n = jdbc.sql(sql).params(p).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
