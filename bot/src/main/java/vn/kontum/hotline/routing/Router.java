package vn.kontum.hotline.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

/**
 * Chooses the service point for a case: one that handles the category and serves the contact's village,
 * else one in the contact's commune, else a city-wide one, else the city Women's Union.
 */
@Component
public class Router {

    private final Directory directory;

    Router(Directory directory) {
        this.directory = directory;
    }

    public Route route(String category, Contact contact) {
        String village = contact.villageId();
        String commune = contact.communeId() != null ? contact.communeId()
                : village == null ? null : directory.communeOfVillage(village).orElse(null);
        if (village != null) {
            Optional<ServicePoint> sp = first(directory.servingVillage(category, village));
            if (sp.isPresent()) {
                return new Route(sp.get(), category + ", village " + village + " -> " + sp.get().name());
            }
        }
        if (commune != null) {
            Optional<ServicePoint> sp = first(directory.inCommune(category, commune));
            if (sp.isPresent()) {
                return new Route(sp.get(), category + ", commune " + commune + " -> " + sp.get().name());
            }
        }
        String where = village == null && commune == null ? "village unknown" : "nothing nearer";
        // City-wide desks (health centre, bank) take their own topics; the police focal point is alerted by
        // officers, never routed to directly, so that a woman's first contact stays with women.
        Optional<ServicePoint> city = first(directory.cityWide(category).stream()
                .filter(sp -> sp.kind() != ServicePointKind.WOMENS_UNION && sp.kind() != ServicePointKind.POLICE).toList());
        if (city.isPresent()) {
            return new Route(city.get(), category + ", " + where + " -> " + city.get().name());
        }
        ServicePoint union = directory.firstOfKind(ServicePointKind.WOMENS_UNION)
                .orElseThrow(() -> new IllegalStateException("the directory has no Women's Union service point"));
        return new Route(union, category + ", " + where + " -> " + union.name() + " (fallback)");
    }

    private static Optional<ServicePoint> first(List<ServicePoint> points) {
        return points.stream().findFirst();
    }
}
