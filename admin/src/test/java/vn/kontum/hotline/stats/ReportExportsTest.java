package vn.kontum.hotline.stats;

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

/** The printable report, and the record of every report taken out, which only coordinators read. */
class ReportExportsTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "export-officer", "pw-export-officer", "Chị Báo Cáo", Officers.HEALTH_CENTRE);
    }

    @Test
    void a_download_and_a_printed_report_are_recorded_with_who_which_period_and_format() throws Exception {
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?from=2019-01-01&to=2019-01-31").statusCode()).isEqualTo(200);
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String page = coordinator.get("/admin/stats/print?preset=six-months&year=2019").body();

        assertThat(page).contains("Báo cáo kết quả hoạt động đường dây Địa chỉ tin cậy (Dự án 8)").contains("01/12/2018 – 31/05/2019")
                .contains("Chỉ tiêu của Kế hoạch").contains("Tổng số trường hợp").doesNotContain("<script>alert")
                // the same tables as the dashboard, response-target breaches included
                .contains("quá hạn phản hồi lần đầu (số trường hợp)");
        Map<String, Object> csv = jdbc.sql("""
                        select a.username, e.format, e.period_from, e.period_to from report_export e join account a on a.id = e.account_id
                        where e.format = 'csv' and e.period_from = date '2019-01-01'""").query().singleRow();
        assertThat(csv).containsEntry("username", "admin");
        assertThat(jdbc.sql("select count(*) from report_export where format = 'print' and period_from = date '2018-12-01' and period_to = date '2019-05-31'")
                .query(Long.class).single()).isEqualTo(1);

        assertThat(coordinator.get("/admin/stats").body().replaceAll("\\s+", " ")).contains("Báo cáo đã xuất gần đây")
                .contains("<td>2019-01-01 – 2019-01-31</td> <td>Toàn thành phố</td>");
    }

    @Test
    void an_officer_prints_the_figures_of_their_own_service_point_and_does_not_see_who_exported_what() throws Exception {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "export-officer", "pw-export-officer");
        assertThat(officer.get("/admin/stats/print?from=2019-02-01&to=2019-02-28").statusCode()).isEqualTo(200);
        assertThat(officer.get("/admin/stats").body()).doesNotContain("Báo cáo đã xuất gần đây");
        assertThat(get(java.net.http.HttpClient.newHttpClient(), "/admin/stats/print").statusCode()).isIn(302, 401);
    }
}
