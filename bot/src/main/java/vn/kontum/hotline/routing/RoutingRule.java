package vn.kontum.hotline.routing;

import org.jspecify.annotations.Nullable;

/**
 * One routing rule as coordinators see it: a category, for one village, one commune or anywhere (both null), goes
 * to a service point, and may tell another one. Names are for display; ids are what counts.
 */
public record RoutingRule(
        long id,
        String category,
        @Nullable String villageId,
        @Nullable String villageName,
        @Nullable String communeId,
        @Nullable String communeName,
        String servicePointId,
        String servicePointName,
        @Nullable String alsoNotifyId,
        @Nullable String alsoNotifyName,
        int sortOrder) {

    /** The form's value for the rule's place: {@code village:ID}, {@code commune:ID} or {@code any}. */
    public String place() {
        return villageId != null ? "village:" + villageId : communeId != null ? "commune:" + communeId : "any";
    }
}
