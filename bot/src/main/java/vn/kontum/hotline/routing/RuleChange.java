package vn.kontum.hotline.routing;

import org.jspecify.annotations.Nullable;

/** A rule as a coordinator writes it; checked by {@link RoutingRules} before it is stored. */
public record RuleChange(String category, @Nullable String villageId, @Nullable String communeId, String servicePointId,
                         @Nullable String alsoNotifyId, int sortOrder) {
}
