package vn.kontum.hotline.admin;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators keep prepared answers; officers start a reply from one on a case's page but cannot change them. */
class ConsoleCannedRepliesTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "canned-union", "pw-canned-union", "Chị Mẫu", Officers.WOMENS_UNION);
    }

    @Test
    void a_coordinators_prepared_answer_fills_an_officers_reply_box_and_officers_cannot_manage_them() {
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String page = coordinator.submit("/admin/canned", Map.of("title", "Hỏi thôn <b>", "text", "Chị đang ở thôn nào? <i>Chị có an toàn không?</i>"))
                .body();
        assertThat(page).contains("Đã lưu thay đổi.").contains("Hỏi thôn &lt;b&gt;").contains("&lt;i&gt;Chị có an toàn không?&lt;/i&gt;");
        long cannedId = jdbc.sql("select max(id) from canned_reply where title = 'Hỏi thôn <b>'").query(Long.class).single();

        OfficerClient officer = OfficerClient.loggedIn(url(""), "canned-union", "pw-canned-union");
        assertThat(officer.get("/admin/canned").statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/canned", Map.of("title", "x", "text", "y")).statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/canned/" + cannedId + "/remove").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin").body()).doesNotContain("href=\"/admin/canned\"");

        long caseId = telegramCase(740_001, "Hương", "chồng em đánh em");
        String casePage = officer.get("/admin/cases/" + caseId).body();
        assertThat(casePage).contains("<label for=\"canned\">Câu trả lời mẫu</label>").contains("Hỏi thôn &lt;b&gt;");
        String prefilled = officer.get("/admin/cases/" + caseId + "?canned=" + cannedId).body();
        assertThat(prefilled).contains("name=\"text\"").contains("Chị đang ở thôn nào? &lt;i&gt;Chị có an toàn không?&lt;/i&gt;</textarea>");

        coordinator.submit("/admin/canned/" + cannedId + "/remove", Map.of());
        assertThat(officer.get("/admin/cases/" + caseId).body()).doesNotContain("Hỏi thôn &lt;b&gt;");
    }
}
