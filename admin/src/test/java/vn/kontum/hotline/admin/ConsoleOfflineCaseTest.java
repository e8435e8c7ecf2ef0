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

/** A woman who came in person is recorded by the officer, counted in the statistics, and never written to. */
class ConsoleOfflineCaseTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "offline-health", "pw-offline-health", "Chị Y Tế Trực Tiếp", Officers.HEALTH_CENTRE);
    }

    @Test
    void an_officer_records_a_visit_for_her_own_service_point_and_it_counts_without_a_reply_box() throws Exception {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "offline-health", "pw-offline-health");
        assertThat(officer.get("/admin/cases/new").body()).contains("Trung tâm Y tế thành phố Kon Tum").doesNotContain("hlhpn-thanh-pho");

        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10);
        var answer = officer.post("/admin/cases", Map.of("how", "in_person", "category", "safe_delivery", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "villageId", "kroong-thon-1", "day", day.toString(), "note", "mẹ bầu 7 tháng, đã hẹn khám"));
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Map<String, Object> c = jdbc.sql("""
                        select h.channel, h.category, h.status, h.service_point_id, t.village_id, t.commune_id from help_case h
                        join contact t on t.id = h.contact_id where h.id = :id""").param("id", caseId).query().singleRow();
        assertThat(c).containsEntry("channel", "in_person").containsEntry("category", "safe_delivery").containsEntry("status", "IN_PROGRESS")
                .containsEntry("service_point_id", Officers.HEALTH_CENTRE).containsEntry("village_id", "kroong-thon-1")
                .containsEntry("commune_id", "kroong");
        String page = officer.get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Trực tiếp").contains("mẹ bầu 7 tháng, đã hẹn khám").doesNotContain("id=\"reply-text\"");
        assertThat(officer.post("/admin/cases/" + caseId + "/reply", Map.of("text", "chào chị")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from message where case_id = :id and direction = 'OUT'").param("id", caseId)
                .query(Long.class).single()).isZero();

        String stats = getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=" + day + "&to=" + day).body();
        assertThat(stats).contains("\"in_person\":1");

        assertThat(officer.post("/admin/cases", Map.of("how", "phone", "category", "violence", "priority", "URGENT",
                "servicePointId", Officers.WOMENS_UNION)).statusCode()).as("another service point").isEqualTo(403);
    }

    @Test
    void the_same_form_sent_twice_counts_her_once_and_shows_the_case_it_made() {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "offline-health", "pw-offline-health");
        String once = formToken(officer.get("/admin/cases/new").body());
        Map<String, String> form = Map.of("how", "phone", "category", "savings_loans", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "villageId", "kroong-thon-1", "note", "hỏi vay vốn chăn nuôi", "once", once);
        long before = offlineCases();

        String first = officer.post("/admin/cases", form).headers().firstValue("Location").orElseThrow();
        String again = officer.post("/admin/cases", form).headers().firstValue("Location").orElseThrow();

        assertThat(offlineCases()).isEqualTo(before + 1);
        assertThat(again).isEqualTo(first).contains("/admin/cases/");
        // A new page is a new form.
        officer.post("/admin/cases", new java.util.HashMap<>(Map.of("how", "phone", "category", "savings_loans", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "once", formToken(officer.get("/admin/cases/new").body()))));
        assertThat(offlineCases()).isEqualTo(before + 2);
    }

    @Test
    void a_day_more_than_a_year_back_or_to_come_is_refused_on_the_form_with_what_she_typed_kept() {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "offline-health", "pw-offline-health");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        for (java.time.LocalDate day : java.util.List.of(today.minusYears(1).minusDays(1), today.plusDays(1))) {
            long before = offlineCases();
            var answer = officer.post("/admin/cases", Map.of("how", "in_person", "category", "savings_loans", "priority", "URGENT",
                    "servicePointId", Officers.HEALTH_CENTRE, "villageId", "kroong-thon-2", "day", day.toString(),
                    "note", "hỏi vay vốn <b>nuôi bò</b>", "once", formToken(officer.get("/admin/cases/new").body())));

            assertThat(answer.statusCode()).as(day.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("Ngày không hợp lệ: chỉ ghi nhận được từ một năm trước đến hôm nay.")
                    .contains("value=\"" + day + "\"").contains("hỏi vay vốn &lt;b&gt;nuôi bò&lt;/b&gt;</textarea>")
                    .containsPattern("value=\"in_person\" checked")
                    .containsPattern("<option value=\"savings_loans\" selected")
                    .containsPattern("<option value=\"URGENT\" selected")
                    .containsPattern("<option value=\"kroong-thon-2\" selected");
            assertThat(offlineCases()).as("nothing recorded for " + day).isEqualTo(before);
        }

        var yearAgo = officer.post("/admin/cases", Map.of("how", "phone", "category", "violence", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "day", today.minusYears(1).toString()));
        assertThat(yearAgo.statusCode()).as("a year back to the day").isEqualTo(302);
        String location = yearAgo.headers().firstValue("Location").orElseThrow();
        assertThat(jdbc.sql("select opened_at from help_case where id = :id").param("id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
                .query(java.time.OffsetDateTime.class).single().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())
                .isEqualTo(today.minusYears(1));
    }

    @Test
    void a_ward_without_villages_can_be_recorded_alone_and_a_village_must_belong_to_the_commune_given() {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "offline-health", "pw-offline-health");
        assertThat(officer.get("/admin/cases/new").body()).contains("Phường Quyết Thắng");
        assertThat(jdbc.sql("select count(*) from village where commune_id = 'quyet-thang'").query(Long.class).single()).isZero();

        var ward = officer.post("/admin/cases", Map.of("how", "phone", "category", "violence", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "communeId", "quyet-thang"));
        assertThat(ward.statusCode()).isEqualTo(302);
        String location = ward.headers().firstValue("Location").orElseThrow();
        assertThat(jdbc.sql("select t.commune_id, t.village_id from help_case h join contact t on t.id = h.contact_id where h.id = :id")
                .param("id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1))).query().singleRow())
                .containsEntry("commune_id", "quyet-thang").containsEntry("village_id", null);

        long before = offlineCases();
        var elsewhere = officer.post("/admin/cases", Map.of("how", "phone", "category", "violence", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "communeId", "kroong", "villageId", "hoa-binh-thon-1", "note", "gọi từ chợ"));
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body()).contains("Thôn, làng đã chọn không thuộc xã, phường đã chọn.")
                .containsPattern("<option value=\"kroong\" selected").containsPattern("<option value=\"hoa-binh-thon-1\" selected")
                .contains("gọi từ chợ</textarea>");
        var unknown = officer.post("/admin/cases", Map.of("how", "phone", "category", "violence", "priority", "NORMAL",
                "servicePointId", Officers.HEALTH_CENTRE, "communeId", "khong-co-xa-nay"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Không có xã, phường hoặc thôn, làng này trong danh mục.");
        assertThat(offlineCases()).isEqualTo(before);
    }

    private long offlineCases() {
        return jdbc.sql("select count(*) from help_case where channel in ('phone', 'in_person')").query(Long.class).single();
    }

    static String formToken(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"once\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the form's token").isTrue();
        return m.group(1);
    }
}
