package vn.kontum.hotline.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Category corrections leave as corpus lines for retraining; a Zalo case says how long a reply can still reach her. */
class ConsoleRetrainingAndZaloWindowTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentCipher content;

    @Test
    void a_corrected_category_is_exported_as_a_corpus_line_for_coordinators_only_and_recorded() {
        String text = "người quen rủ em đi làm ở nhà hàng bên kia biên giới, lương cao " + System.nanoTime();
        long caseId = telegramCase(754_001, "Nhi", text);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(754_001).isEmpty());
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String before = jdbc.sql("select category from help_case where id = :id").param("id", caseId).query(String.class).single();
        String corrected = before.equals("trafficking") ? "savings_loans" : "trafficking";
        admin.post("/admin/cases/" + caseId + "/category", Map.of("category", corrected));

        String tsv = admin.get("/admin/corrections.tsv").body();
        assertThat(tsv).contains(corrected + "\t0\t" + text + "\n");
        assertThat(jdbc.sql("select count(*) from report_export where format = 'tsv'").query(Long.class).single()).isPositive();

        Officers.ensure(accounts, encoder, jdbc, "corr-officer", "pw-corr-officer", "Chị Sửa", Officers.WOMENS_UNION);
        assertThat(OfficerClient.loggedIn(url(""), "corr-officer", "pw-corr-officer").get("/admin/corrections.tsv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_menu_answer_and_what_came_after_the_correction_are_not_exported_as_corpus_lines() {
        long chat = 754_002;
        long caseId = telegramCase(chat, "Nga", "alo có ai không ạ");
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.buttonsSentTo(chat).isEmpty()); // asked the topic
        int menuAnswer = TELEGRAM.userWrites(chat, "Nga", "2");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from message where inbound_key = :k and state = 'PROCESSED'")
                .param("k", "telegram:" + menuAnswer).query(Long.class).single() > 0);
        assertThat(jdbc.sql("select case_id from message where inbound_key = :k").param("k", "telegram:" + menuAnswer).query(Long.class).single())
                .isEqualTo(caseId);
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        admin.post("/admin/cases/" + caseId + "/category", Map.of("category", "violence"));
        String later = "em cảm ơn chị nhiều lắm, mã " + Long.toString(System.nanoTime(), 36);
        telegramCase(chat, "Nga", later);

        String tsv = admin.get("/admin/corrections.tsv").body();
        assertThat(tsv).doesNotContainPattern("(?m)\\t2$").doesNotContain(later);
    }

    @Test
    void the_urgency_exported_is_the_one_the_officer_set_not_the_classifiers() {
        String danger = "cứu em với, chồng em đang cầm dao đòi giết em " + System.nanoTime();
        long flagged = telegramCase(754_003, "Lụa", danger);
        assertThat(jdbc.sql("select urgent from message where case_id = :c and direction = 'IN'").param("c", flagged).query(Boolean.class).single())
                .as("the classifier found it urgent").isTrue();
        String loan = "chị ơi em muốn hỏi vay vốn nuôi heo " + System.nanoTime();
        long missed = telegramCase(754_004, "Xuân", loan);
        assertThat(jdbc.sql("select urgent from message where case_id = :c and direction = 'IN'").param("c", missed).query(Boolean.class).single())
                .as("the classifier found it not urgent").isFalse();
        String thanks = "dạ vâng em cảm ơn chị " + System.nanoTime();
        assertThat(telegramCase(754_004, "Xuân", thanks)).isEqualTo(missed);
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        // She called back: it happened last year and she is safe now.
        admin.post("/admin/cases/" + flagged + "/priority", Map.of("priority", "NORMAL"));
        admin.post("/admin/cases/" + flagged + "/category", Map.of("category", "other"));
        // Her creditor threatens her family today.
        admin.post("/admin/cases/" + missed + "/priority", Map.of("priority", "URGENT"));
        admin.post("/admin/cases/" + missed + "/category", Map.of("category", "trafficking"));

        String tsv = admin.get("/admin/corrections.tsv").body();
        assertThat(tsv).contains("other\t0\t" + danger + "\n").contains("trafficking\t1\t" + loan + "\n");
        // Her thanks in that case said nothing of danger: taught as urgent, it would make "dạ vâng" alarm officers.
        assertThat(tsv).contains("trafficking\t0\t" + thanks + "\n");
    }

    @Test
    void a_zalo_case_shows_until_when_a_reply_can_reach_her_and_when_the_seven_days_are_over() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        long recent = zaloCase("zalo-window-1", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        long old = zaloCase("zalo-window-2", OffsetDateTime.now(ZoneOffset.UTC).minusDays(8));

        assertThat(admin.get("/admin/cases/" + recent).body()).contains("trả lời được đến");
        assertThat(admin.get("/admin/cases/" + old).body()).contains("Đã quá 7 ngày kể từ tin nhắn cuối");
    }

    private long zaloCase(String user, OffsetDateTime lastMessage) {
        jdbc.sql("insert into contact (channel, channel_user_id, created_at) values ('zalo', :u, :at)").param("u", user).param("at", lastMessage).update();
        long contact = jdbc.sql("select id from contact where channel = 'zalo' and channel_user_id = :u").param("u", user).query(Long.class).single();
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason, opened_at, updated_at)
                        values (:c, 'zalo', 'other', 'NORMAL', 'NEW', 'hlhpn-thanh-pho', 'test', :at, :at)""")
                .param("c", contact).param("at", lastMessage).update();
        long caseId = jdbc.sql("select max(id) from help_case where contact_id = :c").param("c", contact).query(Long.class).single();
        jdbc.sql("""
                        insert into message (direction, channel, inbound_key, contact_id, case_id, body, category, state, created_at)
                        values ('IN', 'zalo', :k, :c, :case, :body, 'other', 'PROCESSED', :at)""")
                .param("k", "zalo:" + user).param("c", contact).param("case", caseId).param("body", content.seal("chào chị"))
                .param("at", lastMessage).update();
        return caseId;
    }
}
