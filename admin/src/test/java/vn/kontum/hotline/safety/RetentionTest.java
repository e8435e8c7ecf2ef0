package vn.kontum.hotline.safety;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Content goes some time after closure, sooner for violence than for a savings question; the counts stay. */
class RetentionTest extends HotlineIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Test
    void a_violence_case_closed_long_enough_ago_loses_its_content_but_a_savings_question_closed_as_long_ago_keeps_it() {
        long violence = telegramCase(751_001, "An", "chồng em đánh em suốt, em phải làm sao");
        long savings = telegramCase(751_002, "Bình", "cho em hỏi tổ tiết kiệm của hội phụ nữ vay được bao nhiêu");
        telegramAnswered(751_001);
        telegramAnswered(751_002);
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (long id : new long[]{violence, savings}) {
            jdbc.sql("insert into case_note (case_id, author_account_id, body, created_at) values (:c, :a, 'đã gọi điện cho chị', :now)")
                    .param("c", id).param("a", admin).param("now", now).update();
            jdbc.sql("""
                            insert into case_transfer (case_id, from_service_point_id, to_service_point_id, reason, account_id, transferred_at)
                            select id, service_point_id, service_point_id, 'chị bị thương ở tay', :a, :now from help_case where id = :c""")
                    .param("c", id).param("a", admin).param("now", now).update();
            jdbc.sql("update help_case set status = 'CLOSED', closed_at = :closed where id = :id")
                    .param("closed", now.minusDays(200)).param("id", id).update();
        }

        retention.purgeDue();

        assertThat(content(violence)).containsEntry("bodies", 0L).containsEntry("notes", 0L).containsEntry("reasons", 0L)
                .containsEntry("messages", 2L);
        assertThat(jdbc.sql("select category, content_purged_at is not null as purged from help_case where id = :id")
                .param("id", violence).query().singleRow()).containsEntry("category", "violence").containsEntry("purged", true);
        assertThat(content(savings)).containsEntry("bodies", 2L).containsEntry("notes", 1L).containsEntry("reasons", 1L);
    }

    private Map<String, Object> content(long caseId) {
        return jdbc.sql("""
                        select (select count(*) from message where case_id = :id) as messages,
                               (select count(*) from message where case_id = :id and body is not null) as bodies,
                               (select count(*) from case_note where case_id = :id) as notes,
                               (select count(*) from case_transfer where case_id = :id and reason <> '') as reasons""")
                .param("id", caseId).query().singleRow();
    }
}
