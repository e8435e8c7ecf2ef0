package vn.kontum.hotline.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The web chat page: no login, an anonymous session in the browser. */
@Controller
class ChatPageController {

    private final boolean secureCookies;

    ChatPageController(@Value("${hotline.cookies.secure:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @GetMapping("/chat")
    String chat(HttpServletRequest request, HttpServletResponse response) {
        ChatSession.ensure(request, response, secureCookies);
        response.setHeader("Cache-Control", "no-store");
        return "chat";
    }
}
