package vn.kontum.hotline.admin;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox filtered by village; a case an officer raises to urgent alerts the on-call officers like any other. */
class ConsoleInboxVillageAndRaisedUrgencyTest extends HotlineIntegrationTest {

    @Test
    void the_inbox_shows_only_the_cases_of_the_village_asked_for() {
        long inKroong = villageCase(755_001, "kroong-thon-2");
        long elsewhere = villageCase(755_002, "doan-ket-thon-1");
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);

        String page = admin.get("/admin?village=kroong-thon-2").body();
        assertThat(page).contains("href=\"/admin/cases/" + inKroong + "\"").doesNotContain("href=\"/admin/cases/" + elsewhere + "\"")
                .contains("<option value=\"kroong-thon-2\" selected=\"selected\"")
                .contains(">Xã Kroong - Làng mẫu 1 (Kroong) (ĐBKK)</option>");
        assertThat(admin.get("/admin?village=%3Cscript%3E").body()).contains("href=\"/admin/cases/" + elsewhere + "\"");
    }

    @Test
    void a_case_is_unread_until_the_officer_opens_it_and_unread_again_when_she_writes_more() {
        long chat = 755_004;
        long caseId = telegramCase(chat, "Thảo", "cho em hỏi vay vốn hội phụ nữ cần gì");
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(row(admin, caseId)).contains("Tin mới chưa đọc");

        admin.get("/admin/cases/" + caseId);
        assertThat(row(admin, caseId)).doesNotContain("Tin mới chưa đọc");

        TELEGRAM.userWrites(chat, "Thảo", "chị ơi em cần gấp");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from message where case_id = :id and direction = 'IN'")
                .param("id", caseId).query(Long.class).single() == 2);
        assertThat(row(admin, caseId)).contains("Tin mới chưa đọc");
    }

    /** The inbox row of one case (the list refreshed as htmx asks for it). */
    private static String row(OfficerClient officer, long caseId) {
        String page = officer.htmx("/admin?status=all").body();
        int at = page.indexOf("data-case-id=\"" + caseId + "\"");
        assertThat(at).as("case %s in the inbox", caseId).isNotNegative();
        int end = page.indexOf("</li>", at);
        return page.substring(at, end);
    }

    @Test
    void raising_a_case_to_urgent_by_hand_alerts_as_an_urgent_message_would() {
        long caseId = telegramCase(755_003, "Sương", "cho em hỏi tổ tiết kiệm họp khi nào");
        assertThat(jdbc.sql("select count(*) from urgent_alert where case_id = :id").param("id", caseId).query(Long.class).single()).isZero();
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);

        admin.post("/admin/cases/" + caseId + "/priority", Map.of("priority", "URGENT"));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from urgent_alert where case_id = :id")
                .param("id", caseId).query(Long.class).single() == 1);
    }

    private long villageCase(long chat, String village) {
        TELEGRAM.userWrites(chat, "Chị", "/start v-" + village);
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == 1);
        return telegramCase(chat, "Chị", "chồng em hay chửi em khi say, em buồn lắm");
    }
}
