package vn.kontum.hotline.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. The web chat and the platform webhooks are open (each checks its own caller); the
 * monitoring API takes HTTP Basic; officer pages take a form login. Every page gets a strict CSP.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /**
     * No observation of Spring Security's own filters and decisions: turning them off by property still wrapped every
     * filter of the chain in an observing decorator on every request; the request metrics already time each request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Tells the application when a session ends (logout, timeout), so that the live streams it opened end too. */
    @Bean
    org.springframework.security.web.session.HttpSessionEventPublisher sessionEvents() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain hotlineSecurity(HttpSecurity http, LoginThrottle throttle, Accounts accounts) throws Exception {
        http.addFilterBefore(new LoginLockFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionStillValidFilter(accounts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/chat", "/chat/**", "/webhooks/**", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "COORDINATOR")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // htmx's background refresh after the session has ended: 401, which htmx does not swap into the page,
                // rather than the login page appearing inside the inbox list.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("HX-Request"))
                        // The officers' live updates (EventSource) likewise: 401 ends the stream, and the page falls back to polling.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("Accept", "text/event-stream"))
                        .accessDeniedHandler(new SessionEndedHandler()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll()
                        // The failure that reaches the limit already says that the account is locked.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (throttle.locked(String.valueOf(request.getParameter("username")), request.getRemoteAddr())
                                ? "/login?locked" : "/login?error"))))
                // A new session at login: a session id planted before login is worth nothing after it. The login's
                // principal carries the account's session epoch, which SessionStillValidFilter compares with the account's.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                // The chat API is protected by its SameSite=Lax cookie (sent cross-site only on top-level GET navigations,
                // never with a POST or a request of another site's page) and JSON-only POSTs (which another site cannot
                // send without a CORS permission, never given); webhooks by their signatures; the API by Basic
                // credentials, which browsers do not send cross-site without asking.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/chat/api/**", "/webhooks/**", "/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
