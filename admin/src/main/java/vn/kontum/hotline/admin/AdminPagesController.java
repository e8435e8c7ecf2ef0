package vn.kontum.hotline.admin;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.cases.CaseQueries;

/** The login page and the officer's first page: the cases they may see. */
@Controller
class AdminPagesController {

    private final CaseQueries cases;
    private final Accounts accounts;

    AdminPagesController(CaseQueries cases, Accounts accounts) {
        this.cases = cases;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }

    @GetMapping("/admin")
    String inbox(Model model, Authentication auth) {
        model.addAttribute("cases", cases.visibleTo(accounts.viewer(auth), 200));
        return "admin/inbox";
    }
}
