package vn.kontum.hotline.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a logged-in session at its next request once its account is disabled, or its roles or password changed after
 * the session began: a login is checked once, and without this a dismissed officer (or whoever holds her lost phone)
 * would keep reading cases until the session timed out. The request then goes on as anyone's who is not logged in.
 * Requests without a session (web chat, webhooks, HTTP Basic) cost nothing here.
 */
final class SessionStillValidFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStillValidFilter.class);

    private final Accounts accounts;

    SessionStillValidFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
                Optional<Accounts.Stored> account = accounts.find(authentication.getName());
                if (account.isEmpty() || !account.get().admits(Accounts.sessionEpochOf(authentication))) {
                    log.info("session of account {} ended: the account was disabled or changed", account.map(Accounts.Stored::id).orElse(-1L));
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
