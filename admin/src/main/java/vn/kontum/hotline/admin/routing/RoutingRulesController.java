package vn.kontum.hotline.admin.routing;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.routing.RoutingRules;
import vn.kontum.hotline.routing.RuleChange;

/**
 * Coordinators (and administrators) keep the routing rules here: which service point takes which category, for a
 * village, a commune or anywhere. Officers get 403. Plain forms (POST, CSRF token, then a redirect back).
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingRulesController {

    private final RoutingRules rules;
    private final FormOptions options;
    private final Directory directory;
    private final Accounts accounts;

    RoutingRulesController(RoutingRules rules, FormOptions options, Directory directory, Accounts accounts) {
        this.rules = rules;
        this.options = options;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String category, Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.COORDINATOR, Role.ADMIN));
        String shown = Topic.fromLabel(category).map(Topic::label).orElse("");
        model.addAttribute("category", shown);
        model.addAttribute("rules", rules.all(shown.isEmpty() ? null : shown));
        formOptions(model);
        return "admin/routing";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.COORDINATOR, Role.ADMIN));
        model.addAttribute("rule", rules.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        formOptions(model);
        return "admin/routing-edit";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String place,
               @RequestParam(defaultValue = "") String servicePointId, @RequestParam(defaultValue = "") String alsoNotifyId,
               @RequestParam(defaultValue = "") String sortOrder, Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            rules.add(change(category, place, servicePointId, alsoNotifyId, sortOrder), viewer.accountId());
            changed(flash);
        } catch (RoutingRules.Refused e) {
            flash.addFlashAttribute("problem", e.key);
        }
        return "redirect:/admin/routing";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String place,
                  @RequestParam(defaultValue = "") String servicePointId, @RequestParam(defaultValue = "") String alsoNotifyId,
                  @RequestParam(defaultValue = "") String sortOrder, Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            rules.update(id, change(category, place, servicePointId, alsoNotifyId, sortOrder), viewer.accountId());
            changed(flash);
            return "redirect:/admin/routing";
        } catch (RoutingRules.Refused e) {
            flash.addFlashAttribute("problem", e.key);
            return "redirect:/admin/routing/" + id;
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            rules.delete(id, viewer.accountId());
            changed(flash);
        } catch (RoutingRules.Refused e) {
            flash.addFlashAttribute("problem", e.key);
        }
        return "redirect:/admin/routing";
    }

    /**
     * Rules are read at each routing, so an edit counts from the next case; the directory's cached service points
     * are dropped too, so that what officers see next matches what was just saved.
     */
    private void changed(RedirectAttributes flash) {
        directory.forget();
        flash.addFlashAttribute("notice", "admin.notice.changed");
    }

    private void formOptions(Model model) {
        model.addAttribute("categories", Arrays.stream(Topic.values()).map(Topic::label).toList());
        model.addAttribute("communes", options.communes());
        model.addAttribute("villages", options.villages());
        model.addAttribute("destinations", options.destinations());
        model.addAttribute("servicePoints", options.servicePoints());
        model.addAttribute("maxSortOrder", RoutingRules.MAX_SORT_ORDER);
    }

    /** The form's fields as a rule; the place is {@code any}, {@code commune:ID} or {@code village:ID}. */
    private static RuleChange change(String category, String place, String servicePointId, String alsoNotifyId, String sortOrder) {
        String village = null;
        String commune = null;
        if (place.startsWith("village:")) {
            village = place.substring("village:".length());
        } else if (place.startsWith("commune:")) {
            commune = place.substring("commune:".length());
        } else if (!place.equals("any")) {
            throw new RoutingRules.Refused("routing.refused.unknown-place");
        }
        int order;
        try {
            order = sortOrder.isBlank() ? 100 : Integer.parseInt(sortOrder.strip());
        } catch (NumberFormatException e) {
            throw new RoutingRules.Refused("routing.refused.sort-order");
        }
        return new RuleChange(category, village, commune, servicePointId, blankToNull(alsoNotifyId), order);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
