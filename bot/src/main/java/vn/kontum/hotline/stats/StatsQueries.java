package vn.kontum.hotline.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.Place;
import vn.kontum.hotline.nlp.Topic;

/**
 * Computes a {@link StatsReport}. A coordinator sees the whole city, counted from the daily roll-ups
 * ({@link DailyRollup}); an officer only the cases of their own service points, counted from the cases
 * ({@link RawCounts}). Erased conversations still count: only their content is gone.
 */
@Component
public class StatsQueries {

    private static final Logger log = LoggerFactory.getLogger(StatsQueries.class);
    private static final List<String> LABELS = Arrays.stream(Topic.values()).map(Topic::label).toList();
    /** Up to this many days the figures over time are per week, beyond per month. */
    private static final int WEEKLY_UP_TO_DAYS = 92;

    public static final java.time.ZoneId VIETNAM = Period.VIETNAM;

    private final RawCounts raw;
    private final DailyRollup rollup;
    private final Directory directory;
    private final SmallCountSuppression suppression;
    private final long trustedAddressesTarget;
    private final long villagesTarget;
    private final long disadvantagedVillagesTarget;

    StatsQueries(RawCounts raw, DailyRollup rollup, Directory directory,
                 @Value("${hotline.stats.small-count-threshold:5}") int threshold,
                 @Value("${hotline.stats.target.trusted-addresses:16}") long trustedAddressesTarget,
                 @Value("${hotline.stats.target.villages:60}") long villagesTarget,
                 @Value("${hotline.stats.target.disadvantaged-villages:13}") long disadvantagedVillagesTarget) {
        this.raw = raw;
        this.rollup = rollup;
        this.directory = directory;
        this.suppression = new SmallCountSuppression(threshold);
        this.trustedAddressesTarget = trustedAddressesTarget;
        this.villagesTarget = villagesTarget;
        this.disadvantagedVillagesTarget = disadvantagedVillagesTarget;
    }

    /** The figures for these calendar days (Vietnam's time, both ends included). */
    public StatsReport report(Viewer viewer, LocalDate from, LocalDate to) {
        return report(viewer, new Period(from, to));
    }

    public StatsReport report(Viewer viewer, Period period) {
        Scope scope = Scope.of(viewer);
        return assemble(period, scope, scope.city() ? cityCounts(period) : raw.count(scope, period));
    }

    /** The city's figures counted straight from the cases and messages: what the roll-ups must always give. */
    StatsReport rawCityReport(Period period) {
        return assemble(period, Scope.wholeCity(), raw.count(Scope.wholeCity(), period));
    }

    private Counts cityCounts(Period period) {
        try {
            rollup.refresh(StatsDay.of(period.from()), StatsDay.of(period.to()), java.util.Set.of());
            return rollup.read(period);
        } catch (DataAccessException | TransactionException e) {
            // Slower, never wrong.
            log.warn("statistics roll-ups unavailable ({}): counted from the cases", e.getClass().getSimpleName());
            return raw.count(Scope.wholeCity(), period);
        }
    }

    private StatsReport assemble(Period period, Scope scope, Counts c) {
        long opened = c.casesByCategory.values().stream().mapToLong(Long::longValue).sum();
        StatsReport.Indicators indicators = new StatsReport.Indicators(
                c.trustedAddresses, trustedAddressesTarget,
                c.villages, villagesTarget,
                c.disadvantagedVillages, disadvantagedVillagesTarget,
                c.safeDeliveryContacts,
                c.casesByCategory.getOrDefault("violence", 0L) + c.casesByCategory.getOrDefault("trafficking", 0L),
                c.resolvedByCategory.getOrDefault("violence", 0L) + c.resolvedByCategory.getOrDefault("trafficking", 0L),
                c.casesByCategory.getOrDefault("savings_loans", 0L));
        Map<String, StatsReport.Answering> answering = new LinkedHashMap<>();
        List<String> priorities = new ArrayList<>(List.of("URGENT", "NORMAL"));
        c.firstResponse.keySet().stream().filter(p -> !priorities.contains(p)).forEach(priorities::add);
        c.resolution.keySet().stream().filter(p -> !priorities.contains(p)).forEach(priorities::add);
        for (String priority : priorities) {
            var first = c.firstResponse.get(priority);
            var resolved = c.resolution.get(priority);
            answering.put(priority, new StatsReport.Answering(Counts.total(first), Counts.percentile(first, 0.5), Counts.percentile(first, 0.9),
                    Counts.total(resolved), Counts.percentile(resolved, 0.5), Counts.percentile(resolved, 0.9)));
        }
        PlaceFigures.Shown places = PlaceFigures.of(c.byPlace, everyPlace(), suppression);
        return new StatsReport(period.from(), period.to(), scope.city() ? StatsReport.SCOPE_CITY : StatsReport.SCOPE_OWN,
                scope.city() ? List.of() : raw.servicePoints(scope),
                labelled(c.messagesByCategory), c.messagesByChannel, labelled(c.casesByCategory), channels(c.casesByChannel), c.casesByPriority,
                labelled(c.resolvedByCategory), labelled(c.closedByCategory),
                places.communes(), places.villages(), byServicePoint(c.byServicePoint, raw.pointsOf(scope)),
                suppression.threshold(), opened,
                c.casesByPriority.getOrDefault("URGENT", 0L), raw.backlog(scope), total(c.resolvedByCategory), total(c.closedByCategory),
                c.newContacts, c.contacts - c.newContacts,
                answering, indicators, c.breaches, overTime(period, c));
    }

    /**
     * By label, unique: a service point of the same name as another has its id beside its name. Every service point
     * of the scope is listed, zeros hidden like small counts: a row shown only where cases were would tell that
     * someone asked for help there.
     */
    private Map<String, String> byServicePoint(Map<Counts.Point, Long> byPoint, List<Counts.Point> everyPoint) {
        Map<Counts.Point, Long> counts = new LinkedHashMap<>();
        everyPoint.forEach(point -> counts.put(point, 0L));
        byPoint.forEach((point, n) -> counts.merge(point, n, Long::sum));
        Map<String, String> names = new LinkedHashMap<>();
        counts.keySet().forEach(point -> names.put(point.id(), point.name()));
        Map<String, String> labels = UniqueLabels.of(names, id -> " (" + id + ")");
        Map<String, Long> byLabel = new LinkedHashMap<>();
        counts.forEach((point, n) -> byLabel.merge(labels.get(point.id()), n, Long::sum));
        return suppression.zerosHidden().apply(PlaceOrder.sorted(byLabel));
    }

    /** Every commune with its villages: the place tables list them all, whoever's figures they are. */
    private Map<Place, List<Place>> everyPlace() {
        Map<Place, List<Place>> out = new LinkedHashMap<>();
        directory.communes().forEach(commune -> out.put(commune, directory.villagesOf(commune.id())));
        return out;
    }

    /** Weeks (from Monday, cut at the period's ends) for up to three months, months beyond. */
    static StatsReport.OverTime overTime(Period period, Counts c) {
        boolean weekly = ChronoUnit.DAYS.between(period.from(), period.to()) < WEEKLY_UP_TO_DAYS;
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate start = period.from(); !start.isAfter(period.to()); ) {
            LocalDate next = weekly ? start.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : start.with(TemporalAdjusters.firstDayOfNextMonth());
            starts.add(start);
            ends.add(next.minusDays(1).isAfter(period.to()) ? period.to() : next.minusDays(1));
            start = next;
        }
        return new StatsReport.OverTime(weekly ? "WEEK" : "MONTH", starts, ends, series(c.casesByDay, starts, ends),
                series(c.messagesByDay, starts, ends));
    }

    private static Map<String, List<Long>> series(Map<Integer, Map<String, Long>> byDay, List<LocalDate> starts, List<LocalDate> ends) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String label : LABELS) {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                long n = 0;
                for (int d = StatsDay.of(starts.get(i)); d <= StatsDay.of(ends.get(i)); d++) {
                    Map<String, Long> day = byDay.get(d);
                    n += day == null ? 0 : day.getOrDefault(label, 0L);
                }
                values.add(n);
            }
            out.put(label, values);
        }
        return out;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every channel, zero included, in a fixed order: two periods' tables line up. */
    private static Map<String, Long> channels(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        Arrays.stream(Channel.values()).forEach(ch -> out.put(ch.id(), counts.getOrDefault(ch.id(), 0L)));
        counts.forEach(out::putIfAbsent);
        return out;
    }

    /** Every label present, zero included, in the classifier's order. */
    private static Map<String, Long> labelled(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        LABELS.forEach(l -> out.put(l, counts.getOrDefault(l, 0L)));
        return out;
    }
}
