package vn.kontum.hotline;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every PostgreSQL connection of the hotline waits for a lock at most 30 s and idles in a transaction at most 60 s. */
class PostgresSessionLimitsTest extends HotlineIntegrationTest {

    @Test
    void every_connection_bounds_lock_waits_and_idle_transactions() {
        assumeTrue(TestEnvironment.postgres(), "PostgreSQL's settings");
        for (int i = 0; i < 3; i++) { // more than one connection of the pool
            assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("30s");
            assertThat(jdbc.sql("show idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("1min");
        }
    }
}
