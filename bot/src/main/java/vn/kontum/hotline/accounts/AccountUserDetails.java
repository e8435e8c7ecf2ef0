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
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .roles(a.roles().stream().map(Role::name).toArray(String[]::new)).build();
    }
}
