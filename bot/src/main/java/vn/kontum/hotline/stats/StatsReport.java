package vn.kontum.hotline.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures for one period, as the API, the exports and the printable report give them. Keyed by the
 * classifier's labels; no message text, names or channel ids anywhere. {@code firstResponseBreachesByPriority}:
 * the period's cases whose first officer reply came after its target, or has not come and is overdue.
 * <p>
 * {@code resolvedByCategory}: the cases an officer marked resolved within the period, whenever they were opened
 * (resolved_at in the period); a case answered again or reopened since has lost its resolution and is not counted.
 * {@code closedByCategory}: the cases closed within the period (closed_at), resolved first or not: a case closed
 * without a resolution (she stopped writing, a duplicate) is closed but not resolved. Both keep counting once the
 * case is closed and its content purged.
 */
public record StatsReport(
        LocalDate from,
        LocalDate to,
        String scope,
        List<String> servicePoints,
        Map<String, Long> messagesByCategory,
        Map<String, Long> messagesByChannel,
        Map<String, Long> casesByCategory,
        Map<String, Long> casesByChannel,
        Map<String, Long> casesByPriority,
        Map<String, Long> resolvedByCategory,
        Map<String, Long> closedByCategory,
        Map<String, String> casesByCommune,
        Map<String, String> casesByVillage,
        Map<String, String> casesByServicePoint,
        int smallCountThreshold,
        long casesOpened,
        long urgentCases,
        long openBacklog,
        long casesResolved,
        long casesClosed,
        long newContacts,
        long returningContacts,
        Map<String, Answering> answeringByPriority,
        Indicators indicators,
        Map<String, Long> firstResponseBreachesByPriority,
        OverTime overTime) {

    /** {@code scope}: the whole city, or the viewer's own service points, named in {@code servicePoints} (empty for the city). */
    public static final String SCOPE_CITY = "city";
    public static final String SCOPE_OWN = "own service points";

    /**
     * A cell of the figures by commune, village or service point that is not shown: a count from 1 to
     * {@code smallCountThreshold - 1} (0 as well by commune and village, where every place of the directory has its
     * row), or any other count hidden as well so that none of those comes back by subtraction.
     */
    public static final String HIDDEN = "hidden";

    /**
     * The key, in the figures by commune and by village, of the cases whose place was not given. The other keys are
     * names, each a row of its own: a name another place (service point) has too is followed by what tells them
     * apart, a village's commune, a commune's (service point's) id.
     */
    public static final String PLACE_NOT_GIVEN = "?";

    /** First-response and resolution times, in minutes. */
    public record Answering(long answered, @Nullable Long firstResponseMedian, @Nullable Long firstResponseP90,
                            long resolved, @Nullable Long resolutionMedian, @Nullable Long resolutionP90) {
    }

    /**
     * Cases opened and inbound messages per week ({@code WEEK}, for a period of up to three months) or per month
     * ({@code MONTH}), by the classifier's labels: one value per bucket, buckets from {@code starts[i]} to
     * {@code ends[i]} (both included, within the period). City-wide counts by category: no village breakdown.
     */
    public record OverTime(String unit, List<LocalDate> starts, List<LocalDate> ends, Map<String, List<Long>> cases,
                           Map<String, List<Long>> messages) {
    }

    /** Project 8's indicators for the period, with their targets. */
    public record Indicators(
            long trustedAddressesActive, long trustedAddressesTarget,
            long villagesReached, long villagesTarget,
            long disadvantagedVillagesReached, long disadvantagedVillagesTarget,
            long womenCounselledOnSafeDelivery,
            long violenceAndTraffickingCasesSupported,
            long violenceAndTraffickingCasesResolved,
            long savingsQuestionsReferred) {
    }
}
