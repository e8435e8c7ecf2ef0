package vn.kontum.hotline.support;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;

/** Officer accounts for tests: created once per test run (the database is shared by every test class). */
public final class Officers {

    /** The service points that cases from the fakes go to when the village is unknown. */
    public static final String WOMENS_UNION = "hlhpn-thanh-pho";
    public static final String HEALTH_CENTRE = "ttyt-thanh-pho";
    public static final String SOCIAL_POLICY_BANK = "nhcsxh-thanh-pho";

    private Officers() {
    }

    public static void ensure(Accounts accounts, PasswordEncoder encoder, JdbcClient jdbc, String username, String password,
                              String displayName, String servicePointId) {
        boolean exists = jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single() > 0;
        if (!exists) {
            accounts.create(username, encoder.encode(password), displayName, EnumSet.of(Role.OFFICER), Set.of(servicePointId));
        }
    }
}
