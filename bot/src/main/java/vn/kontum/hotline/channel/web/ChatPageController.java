package vn.kontum.hotline.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.kontum.hotline.safety.EraseWords;

/**
 * The web chat page: no login, an anonymous session in the browser. The page knows the erase word and what may
 * follow it (to forget the thread at once) and where the quick-exit button leads.
 */
@Controller
class ChatPageController {

    private final boolean secureCookies;
    private final String eraseWords;
    private final String quickExitUrl;

    ChatPageController(@Value("${hotline.cookies.secure:false}") boolean secureCookies,
                       @Value("${hotline.safety.erase-words:/xoa,xoa,xoá,xóa,/erase}") String eraseWords,
                       @Value("${hotline.webchat.quick-exit-url:https://www.google.com/}") String quickExitUrl) {
        this.secureCookies = secureCookies;
        this.eraseWords = eraseWords;
        this.quickExitUrl = quickExitUrl;
    }

    /**
     * Coming from another site without the cookie, she may still have one that her browser kept back (a cookie set
     * Strict, before): a new one would replace it, and her conversation with it. Then the page asks for its session
     * itself ({@code POST /chat/api/session}), from this very page, which sends whatever cookie she has.
     */
    @GetMapping("/chat")
    String chat(HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean sessionPending = ChatSession.of(request).isEmpty() && ChatSession.fromAnotherSite(request);
        if (!sessionPending) {
            ChatSession.ensure(request, response, secureCookies);
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("sessionPending", sessionPending);
        model.addAttribute("eraseWords", eraseWords);
        model.addAttribute("eraseTail", EraseWords.TAIL);
        model.addAttribute("quickExitUrl", quickExitUrl);
        return "chat";
    }
}
