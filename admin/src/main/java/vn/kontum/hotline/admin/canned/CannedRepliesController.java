package vn.kontum.hotline.admin.canned;

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

/** Coordinators keep the prepared answers here; officers only use them, from a case's page. */
@Controller
@RequestMapping("/admin/canned")
class CannedRepliesController {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 4000;

    private final CannedReplies canned;
    private final Accounts accounts;

    CannedRepliesController(CannedReplies canned, Accounts accounts) {
        this.canned = canned;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.COORDINATOR));
        model.addAttribute("replies", canned.all());
        model.addAttribute("maxTitle", MAX_TITLE);
        model.addAttribute("maxText", MAX_TEXT);
        return "admin/canned";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text, Authentication auth,
               RedirectAttributes flash) {
        accounts.require(auth, Role.COORDINATOR);
        String t = title.strip();
        String body = text.strip();
        if (t.isEmpty() || body.isEmpty()) {
            flash.addFlashAttribute("problem", "admin.refused.empty");
        } else if (t.length() > MAX_TITLE || body.length() > MAX_TEXT) {
            flash.addFlashAttribute("problem", "admin.refused.too-long");
        } else {
            canned.add(t, body, accounts.require(auth, Role.COORDINATOR).accountId());
            flash.addFlashAttribute("notice", "admin.notice.changed");
        }
        return "redirect:/admin/canned";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        accounts.require(auth, Role.COORDINATOR);
        canned.remove(id);
        flash.addFlashAttribute("notice", "admin.notice.changed");
        return "redirect:/admin/canned";
    }
}
