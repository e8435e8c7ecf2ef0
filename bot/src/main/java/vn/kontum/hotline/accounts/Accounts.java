package vn.kontum.hotline.accounts;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;

/** Officer, coordinator and administrator accounts. */
@Component
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * {@code sessionEpoch}: moves on when the account is disabled, its roles change or its password is reset; a
     * session begun under an earlier epoch is over. A counter in the database, not a time, so that a session on one
     * node and a change made on another agree whatever their clocks say.
     */
    record Stored(long id, String username, String passwordHash, Set<Role> roles, boolean enabled, int sessionEpoch) {

        boolean admits(int sessionEpoch) {
            return enabled && sessionEpoch == this.sessionEpoch;
        }
    }

    /**
     * Whether a session of {@code username} logged in under {@code sessionEpoch} is still good: the account exists, is
     * enabled, and has not been changed since (for what a session opened earlier still holds, such as a live stream).
     */
    public boolean admitsSession(String username, int sessionEpoch) {
        return find(username).map(account -> account.admits(sessionEpoch)).orElse(false);
    }

    /** The epoch a login's session began under (see {@link Stored}); -1, which no account has, for any other. */
    public static int sessionEpochOf(Authentication authentication) {
        return authentication.getPrincipal() instanceof AccountUserDetails.Principal p ? p.sessionEpoch() : -1;
    }

    Optional<Stored> find(String username) {
        return jdbc.sql("select id, username, password_hash, roles, enabled, session_epoch from account where username = :u")
                .param("u", username)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        roles(rs.getString("roles")), rs.getBoolean("enabled"), rs.getInt("session_epoch")))
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    /** Creates an account; used for the initial administrator and by tests and the directory pages. */
    public long create(String username, String passwordHash, String displayName, Set<Role> roles, Set<String> servicePointIds) {
        jdbc.sql("""
                        insert into account (username, password_hash, display_name, roles, enabled, created_at)
                        values (:u, :p, :d, :r, true, :now)""")
                .param("u", username).param("p", passwordHash).param("d", displayName)
                .param("r", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("now", HotlineClock.now(clock)).update();
        long id = find(username).orElseThrow().id();
        for (String sp : servicePointIds) {
            jdbc.sql("insert into account_service_point (account_id, service_point_id) values (:a, :sp)").param("a", id).param("sp", sp).update();
        }
        return id;
    }

    /** An account as the administrators' page lists it (never its password hash). */
    public record Summary(long id, String username, String displayName, Set<Role> roles, Set<String> servicePointIds, boolean enabled) {
    }

    public List<Summary> all() {
        Map<Long, Set<String>> points = new HashMap<>();
        jdbc.sql("select account_id, service_point_id from account_service_point").query((rs, n) -> {
            points.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
            return null;
        }).list();
        return jdbc.sql("select id, username, display_name, roles, enabled from account order by enabled desc, username")
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        roles(rs.getString("roles")), Set.copyOf(points.getOrDefault(rs.getLong("id"), Set.of())), rs.getBoolean("enabled")))
                .list();
    }

    public Optional<Summary> summary(long id) {
        return all().stream().filter(a -> a.id() == id).findFirst();
    }

    /** Changes what an account may do and for which service points; a disabled account cannot log in. */
    /** Changes an account; a change of its roles or a disabling ends its open sessions (see {@link SessionStillValidFilter}). */
    public void update(long id, String displayName, Set<Role> roles, Set<String> servicePointIds, boolean enabled) {
        jdbc.sql("""
                        update account set display_name = :d, roles = :r, enabled = :e,
                               session_epoch = case when roles <> :r or enabled <> :e then session_epoch + 1 else session_epoch end
                        where id = :id""")
                .param("d", displayName).param("r", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("e", enabled).param("id", id).update();
        jdbc.sql("delete from account_service_point where account_id = :a").param("a", id).update();
        for (String sp : servicePointIds) {
            jdbc.sql("insert into account_service_point (account_id, service_point_id) values (:a, :sp)").param("a", id).param("sp", sp).update();
        }
    }

    /** A new password; the account's open sessions end. */
    public void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("update account set password_hash = :p, session_epoch = session_epoch + 1 where id = :id")
                .param("p", passwordHash).param("id", id).update();
    }

    /** Enabled administrators other than {@code exceptId}: the last one must not lock everyone out. */
    public long otherEnabledAdministrators(long exceptId) {
        return all().stream().filter(a -> a.id() != exceptId && a.enabled() && a.roles().contains(Role.ADMIN)).count();
    }

    /**
     * The viewer behind a request for work only some roles may do (read the page too): 403 for anyone holding none
     * of {@code anyOf}. One check, so that every page asks it the same way.
     */
    public Viewer require(Authentication authentication, Role... anyOf) {
        Viewer viewer = viewer(authentication);
        if (Arrays.stream(anyOf).noneMatch(viewer.roles()::contains)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
        }
        return viewer;
    }

    /** The viewer behind an authenticated request. */
    public Viewer viewer(Authentication authentication) {
        Stored account = find(authentication.getName()).orElseThrow(() -> new IllegalStateException("account vanished"));
        Set<String> points = new HashSet<>(jdbc.sql("select service_point_id from account_service_point where account_id = :a")
                .param("a", account.id()).query(String.class).list());
        return new Viewer(account.id(), account.username(), account.roles(), Set.copyOf(points));
    }

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
