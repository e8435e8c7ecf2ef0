package vn.kontum.hotline.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt while its username is locked for its address, or its address is locked, before the
 * password is even looked at, so that guessing on stops telling right from wrong. Form logins go back to the login page with the reason; HTTP
 * Basic calls get 429. Not a bean: it runs only inside the security filter chain.
 */
class LoginLockFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginLockFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String username = request.getParameter("username");
            if (throttle.locked(username == null ? "" : username, request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
        } else {
            String username = basicUsername(request.getHeader("Authorization"));
            if (username != null && throttle.locked(username, request.getRemoteAddr())) {
                response.setStatus(429);
                response.setContentType("application/json");
                response.getOutputStream().write("{\"status\":429,\"error\":\"locked\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static @Nullable String basicUsername(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
