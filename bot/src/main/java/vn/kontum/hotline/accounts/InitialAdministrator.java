package vn.kontum.hotline.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} account (ADMIN and COORDINATOR) at first start. Its password comes from
 * {@code HOTLINE_ADMIN_PASSWORD}; without it a random one is printed once on the console, never logged.
 */
@Component
class InitialAdministrator implements InitializingBean {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String password;

    InitialAdministrator(Accounts accounts, PasswordEncoder encoder, @Value("${hotline.admin-password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.count() > 0) {
            return;
        }
        String chosen = password.isBlank() ? randomPassword() : password;
        try {
            accounts.create("admin", encoder.encode(chosen), "Administrator", EnumSet.of(Role.ADMIN, Role.COORDINATOR), Set.of());
        } catch (DuplicateKeyException e) {
            return; // another node starting at the same moment made it (and showed its password)
        }
        if (password.isBlank()) {
            System.out.println("""

                    ==================================================================
                      First start: the administrator account was created.
                      user: admin    password: %s
                      It is shown this once. Change it after logging in, or set
                      HOTLINE_ADMIN_PASSWORD before the first start.
                    ==================================================================
                    """.formatted(chosen));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
