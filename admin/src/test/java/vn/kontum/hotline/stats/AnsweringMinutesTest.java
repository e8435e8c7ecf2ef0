package vn.kontum.hotline.stats;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answering times are the time that passed, on both databases, not the minute boundaries crossed. The fixture is
 * in July 2018, a period no other test writes into.
 */
class AnsweringMinutesTest extends HotlineIntegrationTest {

    @Test
    void a_reply_two_seconds_later_across_a_minute_boundary_took_no_minute() throws Exception {
        // 09:00:59 -> 09:01:01 (2 seconds), 09:10:01 -> 09:12:59 (2 minutes 58 seconds), 09:20:30 -> 09:20:50.
        helpCase("2018-07-02T02:00:59Z", "2018-07-02T02:01:01Z");
        helpCase("2018-07-02T02:10:01Z", "2018-07-02T02:12:59Z");
        helpCase("2018-07-02T02:20:30Z", "2018-07-02T02:20:50Z");

        JsonNode urgent = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=2018-07-01&to=2018-07-31")
                .body()).path("answeringByPriority").path("URGENT");

        assertThat(urgent.path("answered").asLong()).isEqualTo(3);
        assertThat(urgent.path("firstResponseMedian").asLong()).isZero();
        assertThat(urgent.path("firstResponseP90").asLong()).isEqualTo(3);
    }

    private void helpCase(String opened, String replied) {
        jdbc.sql("insert into contact (channel, channel_user_id, created_at) values ('web', :u, :at)")
                .param("u", "minutes-" + UUID.randomUUID()).param("at", OffsetDateTime.parse(opened)).update();
        long contact = jdbc.sql("select max(id) from contact").query(Long.class).single();
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                               opened_at, first_reply_at, updated_at)
                        values (:c, 'web', 'violence', 'URGENT', 'IN_PROGRESS', 'hlhpn-thanh-pho', 'test', :opened, :reply, :opened)""")
                .param("c", contact).param("opened", OffsetDateTime.parse(opened)).param("reply", OffsetDateTime.parse(replied)).update();
    }
}
