package vn.kontum.hotline.admin.inbox;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kontum.hotline.accounts.Accounts;

/**
 * The officer's first page. Filters are a plain GET form, so the page works without JavaScript; with it, the
 * list is asked for again (htmx, swapping in only the list) as soon as the live stream tells of a new case or
 * message ({@code admin.live}), or every minute while the stream is down.
 */
@Controller
class InboxController {

    private final InboxQuery query;
    private final Accounts accounts;

    InboxController(InboxQuery query, Accounts accounts) {
        this.query = query;
        this.accounts = accounts;
    }

    @GetMapping("/admin")
    String inbox(@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String category,
                 @RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String village,
                 @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication auth, Model model) {
        InboxFilter filter = InboxFilter.of(status, category, channel, village);
        var viewer = accounts.viewer(auth);
        model.addAttribute("viewer", viewer);
        model.addAttribute("filter", filter);
        model.addAttribute("cases", query.rows(viewer, filter));
        model.addAttribute("limit", InboxQuery.LIMIT);
        model.addAttribute("refreshUrl", filter.path("/admin"));
        model.addAttribute("statuses", InboxFilter.STATUSES);
        model.addAttribute("categories", InboxFilter.CATEGORIES);
        model.addAttribute("channels", InboxFilter.CHANNELS);
        model.addAttribute("villages", query.villages());
        return htmx != null ? "admin/inbox :: cases" : "admin/inbox";
    }
}
