package vn.kontum.hotline.oncall.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An urgent case whose alert was never written (its writing failed) gets one from the sweeper. */
class AlertBackstopTest extends HotlineIntegrationTest {

    @Test
    void the_sweeper_raises_the_alert_of_a_recent_urgent_case_that_has_none() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into contact (channel, channel_user_id, created_at) values ('web', :u, :now)")
                .param("u", "backstop-" + UUID.randomUUID()).param("now", now).update();
        long contact = jdbc.sql("select max(id) from contact").query(Long.class).single();
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                               opened_at, updated_at)
                        values (:c, 'web', 'trafficking', 'URGENT', 'NEW', 'hlhpn-thanh-pho', 'test', :now, :now)""")
                .param("c", contact).param("now", now).update();
        long caseId = jdbc.sql("select max(id) from help_case where contact_id = :c").param("c", contact).query(Long.class).single();
        jdbc.sql("""
                        insert into message (direction, channel, contact_id, case_id, category, urgent, state, created_at)
                        values ('IN', 'web', :c, :case, 'trafficking', true, 'PROCESSED', :now)""")
                .param("c", contact).param("case", caseId).param("now", now).update();
        // An urgent case without an urgent message (an officer made it so) is left alone.
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                               opened_at, updated_at)
                        values (:c, 'web', 'violence', 'URGENT', 'NEW', 'hlhpn-thanh-pho', 'test', :now, :now)""")
                .param("c", contact).param("now", now).update();
        long officerMade = jdbc.sql("select max(id) from help_case where contact_id = :c").param("c", contact).query(Long.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from urgent_alert where case_id = :c")
                .param("c", caseId).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select category from urgent_alert where case_id = :c").param("c", caseId).query(String.class).single())
                .isEqualTo("trafficking");
        assertThat(jdbc.sql("select count(*) from urgent_alert where case_id = :c").param("c", officerMade).query(Long.class).single()).isZero();
    }
}
