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
 * The anonymous web chat session: a random id in an HttpOnly, SameSite=Strict cookie that lives only as long
 * as the browser session, so that a shared phone does not keep the conversation for the next person.
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

    static String ensure(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        return of(request).orElseGet(() -> {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, id).httpOnly(true).secure(secure)
                    .sameSite("Strict").path("/chat").build().toString());
            return id;
        });
    }
}
