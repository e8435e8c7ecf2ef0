package vn.kontum.hotline.admin;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
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

/** The inbox: my service points' cases only (coordinators: all), urgent first then longest waiting, with filters. */
class ConsoleInboxTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "inbox-union", "pw-inbox-union", "Cán bộ Hội Phụ nữ", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "inbox-health", "pw-inbox-health", "Cán bộ Y tế", Officers.HEALTH_CENTRE);
    }

    @Test
    void an_officer_sees_her_service_points_cases_urgent_first_then_the_longest_waiting_and_never_their_text() {
        long older = telegramCase(710_001, "A", "chồng em hay đánh em khi say rượu, em phải làm sao");
        long newer = telegramCase(710_002, "B", "chồng em say rượu về là chửi mắng đánh đập em");
        long urgent = telegramCase(710_003, "C", "Chồng em đang cầm dao đánh em, cứu em với");
        long answered = telegramCase(710_004, "D", "em bị chồng đánh bầm tím cả người");
        long health = telegramCase(710_005, "E", "em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ");
        jdbc.sql("update help_case set priority = 'NORMAL' where id in (:ids)").param("ids", java.util.List.of(older, newer, answered)).update();
        jdbc.sql("update help_case set priority = 'URGENT' where id = :id").param("id", urgent).update();

        OfficerClient union = OfficerClient.loggedIn(url(""), "inbox-union", "pw-inbox-union");
        assertThat(union.post("/admin/cases/" + answered + "/reply", Map.of("text", "Chị ở thôn nào?")).statusCode()).isEqualTo(302);

        HttpResponse<String> inbox = union.get("/admin");
        assertThat(inbox.statusCode()).isEqualTo(200);
        String page = inbox.body();
        assertThat(page).contains("<h1>Các trường hợp cần xử lý</h1>").contains("lang=\"vi\"")
                .contains("<label for=\"f-status\">Trạng thái</label>").contains("<label for=\"f-category\">Lĩnh vực</label>")
                .contains("<label for=\"f-channel\">Kênh</label>");
        int u = page.indexOf(link(urgent));
        int o = page.indexOf(link(older));
        int n = page.indexOf(link(newer));
        int a = page.indexOf(link(answered));
        assertThat(u).isPositive().isLessThan(o);
        assertThat(o).isLessThan(n);
        assertThat(n).isLessThan(a);
        assertThat(page).doesNotContain(link(health)).doesNotContain("say rượu").doesNotContain("cầm dao");
        assertThat(rowOf(page, urgent)).contains("Khẩn cấp").contains("Bạo lực").contains("Telegram").contains("Đang chờ");
        assertThat(rowOf(page, answered)).contains("Đã trả lời").contains("Đang xử lý").contains("Cán bộ Hội Phụ nữ");
        assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100_000);

        OfficerClient healthOfficer = OfficerClient.loggedIn(url(""), "inbox-health", "pw-inbox-health");
        assertThat(healthOfficer.get("/admin").body()).contains(link(health)).doesNotContain(link(urgent));

        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(coordinator.get("/admin").body()).contains(link(health)).contains(link(urgent));
    }

    @Test
    void filters_by_status_category_and_channel_keep_their_choice_on_the_page() {
        long violence = telegramCase(710_011, "F", "chồng em đánh em hoài, em sợ lắm");
        long health = telegramCase(710_012, "G", "chị ơi em sắp sinh rồi, đi đẻ ở trạm y tế xã có được không");
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);

        String safeDelivery = coordinator.get("/admin?category=safe_delivery").body();
        assertThat(safeDelivery).contains(link(health)).doesNotContain(link(violence))
                .contains("<option value=\"safe_delivery\" selected=\"selected\">Sinh đẻ an toàn</option>");
        assertThat(coordinator.get("/admin?channel=web").body()).doesNotContain(link(health)).doesNotContain(link(violence));
        assertThat(coordinator.get("/admin?channel=telegram").body()).contains(link(health)).contains(link(violence));

        jdbc.sql("update help_case set status = 'CLOSED' where id = :id").param("id", violence).update();
        assertThat(coordinator.get("/admin").body()).doesNotContain(link(violence));
        assertThat(coordinator.get("/admin?status=CLOSED").body()).contains(link(violence)).doesNotContain(link(health));
        assertThat(coordinator.get("/admin?status=all").body()).contains(link(violence)).contains(link(health));
        assertThat(coordinator.get("/admin?status=nonsense&category=%3Cscript%3E").statusCode()).isEqualTo(200);
    }

    @Test
    void the_live_refresh_gets_the_list_alone() throws Exception {
        long violence = telegramCase(710_021, "H", "em bị chồng đánh, em phải làm sao");
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String page = coordinator.get("/admin").body();
        assertThat(page).contains("data-live-url=\"/admin?status=open\"").contains("data-live-events=\"/admin/events\"")
                .containsPattern("src=\"/webjars/htmx.org/2.0.8/dist/htmx.min-[0-9a-f]{32}.js\"").containsPattern("src=\"/js/live-[0-9a-f]{32}.js\"");
        HttpResponse<String> fragment = coordinator.htmx("/admin?status=open");
        assertThat(fragment.body()).startsWith("<div id=\"cases\"").contains(link(violence)).doesNotContain("<html");
        // Scripts are named by their content, kept a year by the browser and sent compressed: on a slow line an
        // officer's pages fetch them once, not on every page.
        java.util.regex.Matcher htmx = java.util.regex.Pattern.compile("/webjars/htmx.org/2.0.8/dist/htmx.min-[0-9a-f]{32}.js").matcher(page);
        assertThat(htmx.find()).isTrue();
        HttpResponse<String> script = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(htmx.group())))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(coordinator.get("/admin").headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        // Once the session is gone, the refresh gets 401 (left alone by htmx), not the login page inside the list.
        assertThat(new OfficerClient(url("")).htmx("/admin?status=open").statusCode()).isEqualTo(401);
    }

    static String link(long caseId) {
        return "href=\"/admin/cases/" + caseId + "\"";
    }

    static String rowOf(String page, long caseId) {
        int start = page.indexOf(link(caseId));
        return page.substring(start, page.indexOf("</li>", start));
    }
}
