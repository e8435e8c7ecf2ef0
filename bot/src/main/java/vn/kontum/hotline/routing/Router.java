package vn.kontum.hotline.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

/**
 * Chooses the service point for a case by the coordinators' {@link RoutingRules}: the rules for the contact's
 * village, then her commune's, then those for anywhere; among rules of one place, the lowest sort order. When no
 * rule applies, the fallback chain: the commune's trusted address, then the city Women's Union. The reason is
 * kept with the case, in Vietnamese, worded by the message bundles.
 */
@Component
public class Router {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Directory directory;
    private final RoutingRules rules;
    private final MessageSource messages;

    Router(Directory directory, RoutingRules rules, MessageSource messages) {
        this.directory = directory;
        this.rules = rules;
        this.messages = messages;
    }

    public Route route(String category, Contact contact) {
        String village = contact.villageId();
        String commune = contact.communeId() != null ? contact.communeId()
                : village == null ? null : directory.communeOfVillage(village).orElse(null);
        String where = category + ", " + place(village, commune) + " -> ";
        List<RoutingRules.Match> matches = rules.matching(category, village, commune);
        if (!matches.isEmpty()) {
            RoutingRules.Match rule = matches.getFirst();
            String notified = rule.alsoNotify() == null ? "" : text("route.reason.also-notify", rule.alsoNotify().name());
            return new Route(rule.servicePoint(), where + text("route.reason.rule", rule.servicePoint().name(), Long.toString(rule.id()))
                    + notified, rule.alsoNotify());
        }
        if (commune != null) {
            Optional<ServicePoint> trusted = rules.trustedAddress(village, commune);
            if (trusted.isPresent()) {
                return new Route(trusted.get(), where + text("route.reason.no-rule-trusted-address", trusted.get().name()));
            }
        }
        ServicePoint union = directory.firstOfKind(ServicePointKind.WOMENS_UNION)
                .orElseThrow(() -> new IllegalStateException("the directory has no Women's Union service point"));
        return new Route(union, where + text("route.reason.no-rule-womens-union", union.name()));
    }

    /** "Làng mẫu 1 (Hòa Bình), Xã Hòa Bình", or what is known of it; ids when a name is missing. */
    private String place(@Nullable String village, @Nullable String commune) {
        String communeName = commune == null ? null : rules.communeName(commune).orElse(commune);
        if (village != null) {
            String villageName = directory.villageName(village).orElse(village);
            return communeName == null ? villageName : villageName + ", " + communeName;
        }
        return communeName != null ? text("route.place.village-unknown", communeName) : text("route.place.unknown");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
