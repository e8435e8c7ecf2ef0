package vn.kontum.hotline.admin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each reply's delivery state, as the platform reported it, in words on the case page. */
class ConsoleDeliveryStateTest extends HotlineIntegrationTest {

    @Test
    void a_reply_the_platform_reported_delivered_then_seen_says_so_on_the_case_page() {
        long caseId = telegramCase(753_001, "Xuân", "cho em hỏi tổ tiết kiệm họp khi nào");
        telegramAnswered(753_001);
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(admin.get("/admin/cases/" + caseId).body()).contains("Đã gửi");

        jdbc.sql("update message set state = 'DELIVERED' where case_id = :c and direction = 'OUT'").param("c", caseId).update();
        assertThat(admin.get("/admin/cases/" + caseId).body()).contains("Đã đến máy người nhận").doesNotContain("??delivery");

        jdbc.sql("update message set state = 'SEEN' where case_id = :c and direction = 'OUT'").param("c", caseId).update();
        assertThat(admin.get("/admin/cases/" + caseId).body()).contains("Người nhận đã xem").doesNotContain("??delivery");
    }
}
