package vn.kontum.hotline.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Accounts as Spring Security sees them: roles become ROLE_OFFICER, ROLE_COORDINATOR, ROLE_ADMIN. */
@Component
class AccountUserDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Stored a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        UserDetails user = User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .roles(a.roles().stream().map(Role::name).toArray(String[]::new)).build();
        return new Principal(user, a.sessionEpoch());
    }

    /** The account as logged in, with the session epoch it was read under (see {@link Accounts.Stored}). */
    static final class Principal extends User {

        private static final long serialVersionUID = 1L;

        private final int sessionEpoch;

        Principal(UserDetails user, int sessionEpoch) {
            super(user.getUsername(), user.getPassword(), user.isEnabled(), true, true, true, user.getAuthorities());
            this.sessionEpoch = sessionEpoch;
        }

        int sessionEpoch() {
            return sessionEpoch;
        }

        // User's equality is by username, which is what session registries want; the epoch rides along.
        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
