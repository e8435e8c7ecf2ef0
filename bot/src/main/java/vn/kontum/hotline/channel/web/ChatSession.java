package vn.kontum.hotline.channel.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

/**
 * The anonymous web chat session: a random id in an HttpOnly, SameSite=Lax cookie that lives only as long
 * as the browser session, so that a shared phone does not keep the conversation for the next person.
 * <p>
 * Lax, not Strict: a woman who comes back to the chat by a link from another site must find her conversation, and
 * a Strict cookie is not sent on that navigation. Lax still keeps it from every cross-site POST and every request a
 * page of another site makes (fetch, frame, image), so the chat API's POSTs stay out of reach of other sites, as
 * they are JSON-only too.
 */
final class ChatSession {

    static final String COOKIE = "hotline_chat";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChatSession() {
    }

    static Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && VALID.matcher(c.getValue()).matches()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Her session, or a new one. The cookie is written again when she has one, with the same id: a cookie set
     * Strict before becomes Lax, and is then sent when she comes back from another site.
     */
    static String ensure(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        String id = of(request).orElseGet(ChatSession::newId);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, id).httpOnly(true).secure(secure)
                .sameSite("Lax").path("/chat").build().toString());
        return id;
    }

    /**
     * Whether the browser may have kept her cookie back from this request: it comes from another site
     * ({@code Sec-Fetch-Site}), and a cookie set Strict (every one before Lax was chosen) is not sent then. A
     * request without the header comes from an old browser or a program, and is taken as it is.
     */
    static boolean fromAnotherSite(HttpServletRequest request) {
        return "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
