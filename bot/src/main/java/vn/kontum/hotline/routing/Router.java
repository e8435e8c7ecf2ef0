package vn.kontum.hotline.routing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

/**
 * Chooses the service point for a case by the coordinators' {@link RoutingRules}: the rules for the contact's
 * village, then her commune's, then those for anywhere; among rules of one place, the lowest sort order. When no
 * rule applies, the fallback chain: the commune's trusted address, then the city Women's Union.
 */
@Component
public class Router {

    private final Directory directory;
    private final RoutingRules rules;

    Router(Directory directory, RoutingRules rules) {
        this.directory = directory;
        this.rules = rules;
    }

    public Route route(String category, Contact contact) {
        String village = contact.villageId();
        String commune = contact.communeId() != null ? contact.communeId()
                : village == null ? null : directory.communeOfVillage(village).orElse(null);
        String where = category + ", " + place(village, commune) + " -> ";
        List<RoutingRules.Match> matches = rules.matching(category, village, commune);
        if (!matches.isEmpty()) {
            RoutingRules.Match rule = matches.getFirst();
            String notified = rule.alsoNotify() == null ? "" : "; báo thêm: " + rule.alsoNotify().name();
            return new Route(rule.servicePoint(), where + rule.servicePoint().name() + " (quy tắc #" + rule.id() + ")" + notified,
                    rule.alsoNotify());
        }
        if (commune != null) {
            Optional<ServicePoint> trusted = rules.trustedAddress(village, commune);
            if (trusted.isPresent()) {
                return new Route(trusted.get(), where + trusted.get().name() + " (không có quy tắc: địa chỉ tin cậy của xã)");
            }
        }
        ServicePoint union = directory.firstOfKind(ServicePointKind.WOMENS_UNION)
                .orElseThrow(() -> new IllegalStateException("the directory has no Women's Union service point"));
        return new Route(union, where + union.name() + " (không có quy tắc: Hội Liên hiệp Phụ nữ thành phố)");
    }

    /** "Làng mẫu 1 (Hòa Bình), Xã Hòa Bình", or what is known of it; ids when a name is missing. */
    private String place(@Nullable String village, @Nullable String commune) {
        String communeName = commune == null ? null : rules.communeName(commune).orElse(commune);
        if (village != null) {
            String villageName = directory.villageName(village).orElse(village);
            return communeName == null ? villageName : villageName + ", " + communeName;
        }
        return communeName != null ? communeName + " (chưa rõ thôn)" : "chưa rõ thôn, xã";
    }
}
