package vn.kontum.hotline.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.kontum.hotline.accounts.LoginThrottle;

/** The login page. The officer's pages are in {@code inbox} and {@code casefile}. */
@Controller
class AdminPagesController {

    private final LoginThrottle throttle;

    AdminPagesController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", throttle.lockMinutes());
        return "admin/login";
    }
}
