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
                .contains("<option value=\"kroong-thon-2\" selected=\"selected\"");
        assertThat(admin.get("/admin?village=%3Cscript%3E").body()).contains("href=\"/admin/cases/" + elsewhere + "\"");
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
