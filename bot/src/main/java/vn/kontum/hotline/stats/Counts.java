package vn.kontum.hotline.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A period's figures before they are shown, as both ways of counting give them: straight from the cases and
 * messages ({@link RawCounts}) or from the daily roll-ups ({@link DailyRollup}).
 */
final class Counts {

    final Map<String, Long> casesByCategory = new TreeMap<>();
    final Map<String, Long> casesByChannel = new TreeMap<>();
    final Map<String, Long> casesByPriority = new TreeMap<>();
    /** Per place the women gave, by id: two villages of the same name in different communes stay apart. */
    final Map<Place, Long> byPlace = new java.util.HashMap<>();
    /** By id as well: two service points of the same name stay apart. */
    final Map<Point, Long> byServicePoint = new java.util.HashMap<>();
    final Map<String, Long> messagesByCategory = new TreeMap<>();
    final Map<String, Long> messagesByChannel = new TreeMap<>();
    /** Per day (see {@link StatsDay}) and category, for the figures over time. */
    final Map<Integer, Map<String, Long>> casesByDay = new TreeMap<>();
    final Map<Integer, Map<String, Long>> messagesByDay = new TreeMap<>();
    /** Per priority, every first-response (resolution) time in minutes with how many cases took it. */
    final Map<String, TreeMap<Double, Long>> firstResponse = new LinkedHashMap<>();
    final Map<String, TreeMap<Double, Long>> resolution = new LinkedHashMap<>();
    final Map<String, Long> breaches = new LinkedHashMap<>();
    long contacts;
    long newContacts;
    long trustedAddresses;
    long villages;
    long disadvantagedVillages;
    long safeDeliveryContacts;
    /** Per category, the cases resolved (closed) in the period, whenever opened: see {@link StatsReport#resolvedByCategory}. */
    final Map<String, Long> resolvedByCategory = new TreeMap<>();
    final Map<String, Long> closedByCategory = new TreeMap<>();

    /** A commune and village as the woman gave them; ids and names null when not given. */
    record Place(@Nullable String communeId, @Nullable String communeName, @Nullable String villageId, @Nullable String villageName) {
    }

    record Point(String id, String name) {
    }

    Counts() {
        breaches.put("URGENT", 0L);
        breaches.put("NORMAL", 0L);
    }

    void cases(String category, String channel, String priority, long n) {
        casesByCategory.merge(category, n, Long::sum);
        casesByChannel.merge(channel, n, Long::sum);
        casesByPriority.merge(priority, n, Long::sum);
    }

    void casesOn(int day, String category, long n) {
        casesByDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(category, n, Long::sum);
    }

    /** Inbound messages; one not classified yet counts by channel only. */
    void messages(int day, @Nullable String category, String channel, long n) {
        messagesByChannel.merge(channel, n, Long::sum);
        if (category != null) {
            messagesByCategory.merge(category, n, Long::sum);
            messagesByDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(category, n, Long::sum);
        }
    }

    void time(boolean first, String priority, double minutes, long n) {
        (first ? firstResponse : resolution).computeIfAbsent(priority, p -> new TreeMap<>()).merge(minutes, n, Long::sum);
    }

    /** The nearest-rank percentile (PostgreSQL's percentile_disc), rounded to whole minutes; null without values. */
    static @Nullable Long percentile(@Nullable TreeMap<Double, Long> values, double fraction) {
        long total = total(values);
        if (values == null || total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (Map.Entry<Double, Long> e : values.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return Math.round(e.getKey());
            }
        }
        throw new IllegalStateException("rank beyond the values");
    }

    static long total(@Nullable TreeMap<Double, Long> values) {
        return values == null ? 0 : values.values().stream().mapToLong(Long::longValue).sum();
    }
}
