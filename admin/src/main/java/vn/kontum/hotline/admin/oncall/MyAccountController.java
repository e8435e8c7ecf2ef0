package vn.kontum.hotline.admin.oncall;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.oncall.link.OfficerChats;

/**
 * The officer's own page: linking their Telegram chat, so that urgent alerts reach them. The one-time code is
 * shown once, right after it is made (a flash attribute), never stored in the clear.
 */
@Controller
class MyAccountController {

    private final Accounts accounts;
    private final OfficerChats chats;
    private final Clock clock;
    private final String botUsername;

    MyAccountController(Accounts accounts, OfficerChats chats, Clock clock,
                        @Value("${hotline.telegram.bot-username:}") String botUsername) {
        this.accounts = accounts;
        this.chats = chats;
        this.clock = clock;
        this.botUsername = botUsername.strip().replaceFirst("^@", "");
    }

    @GetMapping("/admin/me")
    String page(Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        model.addAttribute("viewer", viewer);
        model.addAttribute("telegram", chats.linkOf(viewer.accountId(), Channel.TELEGRAM).orElse(null));
        model.addAttribute("codeMinutes", chats.codeValidity().toMinutes());
        // With the bot's username, a deep link opens the bot with the code filled in: a tap instead of typing.
        model.addAttribute("botUsername", botUsername.isEmpty() ? null : botUsername);
        return "admin/me";
    }

    @PostMapping("/admin/me/telegram-code")
    String code(Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.viewer(auth);
        flash.addFlashAttribute("code", chats.newCode(viewer.accountId(), HotlineClock.now(clock)));
        return "redirect:/admin/me";
    }

    @PostMapping("/admin/me/telegram-unlink")
    String unlink(Authentication auth, RedirectAttributes flash) {
        chats.unlink(accounts.viewer(auth).accountId(), Channel.TELEGRAM);
        flash.addFlashAttribute("notice", "oncall.notice.unlinked");
        return "redirect:/admin/me";
    }
}
