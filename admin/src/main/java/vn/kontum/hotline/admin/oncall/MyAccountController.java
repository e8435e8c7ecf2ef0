package vn.kontum.hotline.admin.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

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
 * The officer's own page: linking their Telegram chat and their Zalo, so that urgent alerts reach them. The
 * one-time code is shown once, right after it is made (a flash attribute), never stored in the clear; it links
 * whichever of the two it is sent from. For Zalo the page shows when the officer last wrote to the OA, and warns
 * past 7 days: Zalo then refuses the OA's messages to them.
 */
@Controller
class MyAccountController {

    /** Zalo's window for an OA's customer-service messages after the user's last message. */
    private static final Duration ZALO_WINDOW = Duration.ofDays(7);

    private final Accounts accounts;
    private final OfficerChats chats;
    private final Clock clock;
    private final String botUsername;
    private final boolean zalo;

    MyAccountController(Accounts accounts, OfficerChats chats, Clock clock,
                        @Value("${hotline.telegram.bot-username:}") String botUsername,
                        @Value("${hotline.zalo.app-id:}") String zaloAppId) {
        this.accounts = accounts;
        this.chats = chats;
        this.clock = clock;
        this.botUsername = botUsername.strip().replaceFirst("^@", "");
        this.zalo = !zaloAppId.isBlank();
    }

    @GetMapping("/admin/me")
    String page(Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        model.addAttribute("viewer", viewer);
        model.addAttribute("telegram", chats.linkOf(viewer.accountId(), Channel.TELEGRAM).orElse(null));
        model.addAttribute("zaloOn", zalo);
        OfficerChats.Link zaloLink = zalo ? chats.linkOf(viewer.accountId(), Channel.ZALO).orElse(null) : null;
        model.addAttribute("zalo", zaloLink);
        OffsetDateTime now = HotlineClock.now(clock);
        model.addAttribute("zaloStale", zaloLink != null && zaloLink.lastActiveAt().isBefore(now.minus(ZALO_WINDOW)));
        model.addAttribute("codeMinutes", chats.codeValidity().toMinutes());
        // With the bot's username, a deep link opens the bot with the code filled in: a tap instead of typing.
        model.addAttribute("botUsername", botUsername.isEmpty() ? null : botUsername);
        return "admin/me";
    }

    /** One code for either channel; the older path is kept for pages still open in a browser. */
    @PostMapping({"/admin/me/link-code", "/admin/me/telegram-code"})
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

    @PostMapping("/admin/me/zalo-unlink")
    String unlinkZalo(Authentication auth, RedirectAttributes flash) {
        chats.unlink(accounts.viewer(auth).accountId(), Channel.ZALO);
        flash.addFlashAttribute("notice", "oncall.notice.zalo-unlinked");
        return "redirect:/admin/me";
    }
}
