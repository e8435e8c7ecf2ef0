package vn.kontum.hotline.stats;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a hand-counted fixture in March 2020 (a period no other test writes into): what the API and
 * the spreadsheet say must be what was counted by hand, small counts hidden, no message text anywhere.
 */
class StatsApiTest extends HotlineIntegrationTest {

    private static final String SECRET = "BÍ-MẬT-" + UUID.randomUUID();
    private static final String PERIOD = "from=2020-03-01&to=2020-03-31";
    private static boolean loaded;

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    StatsQueries stats;

    @BeforeEach
    void fixture() {
        if (loaded) {
            return;
        }
        loaded = true;
        // A: violence, urgent, Ngô Mây village 1 (especially disadvantaged), trusted address; answered in 4 min, resolved.
        long a = contact("ngo-may-thon-1");
        long caseA = helpCase(a, "violence", "URGENT", "dctc-ngo-may", "2020-03-01T03:00Z", "2020-03-01T03:04Z", "2020-03-02T03:00Z");
        message(a, caseA, "violence", "2020-03-01T03:00Z");
        message(a, caseA, "violence", "2020-03-01T03:02Z");
        // B..F: safe delivery, Hòa Bình village 3, health station; answered in 60, 120, 180, 240, 300 min.
        for (int i = 1; i <= 5; i++) {
            long c = contact("hoa-binh-thon-3");
            long caseId = helpCase(c, "safe_delivery", "NORMAL", "tyt-hoa-binh", "2020-03-10T01:00Z",
                    OffsetDateTime.parse("2020-03-10T01:00Z").plusMinutes(60L * i).toString(), null);
            message(c, caseId, "safe_delivery", "2020-03-10T01:00Z");
        }
        // G: savings, Kroong village 1 (especially disadvantaged), not answered yet.
        long g = contact("kroong-thon-1");
        message(g, helpCase(g, "savings_loans", "NORMAL", "totk-kroong", "2020-03-15T02:00Z", null, null), "savings_loans", "2020-03-15T02:00Z");
        // H: trafficking, village unknown, Women's Union, resolved.
        long h = contact(null);
        message(h, helpCase(h, "trafficking", "NORMAL", "hlhpn-thanh-pho", "2020-03-20T02:00Z", "2020-03-20T02:30Z", "2020-03-25T02:00Z"),
                "trafficking", "2020-03-20T02:00Z");
        // Outside the period (1 April, 00:30 in Vietnam): must not count.
        long x = contact("ngo-may-thon-1");
        helpCase(x, "violence", "NORMAL", "dctc-ngo-may", "2020-03-31T17:30Z", null, null);
        // Opened in February, finished in March: resolved and closed in the period, not opened in it.
        long y = contact(null);
        close(helpCase(y, "other", "NORMAL", "hlhpn-thanh-pho", "2020-02-20T02:00Z", "2020-02-20T03:00Z", "2020-03-05T02:00Z"), "2020-03-06T02:00Z");
        // Closed in March without a resolution (she stopped writing): closed, not resolved.
        close(helpCase(y, "savings_loans", "NORMAL", "hlhpn-thanh-pho", "2020-02-21T02:00Z", null, null), "2020-03-10T02:00Z");
        // Resolved on 31 March at 17:30 UTC, 1 April in Vietnam: not in the period.
        helpCase(y, "other", "NORMAL", "hlhpn-thanh-pho", "2020-02-22T02:00Z", null, "2020-03-31T17:30Z");

        // September 2017: Lê Lợi 8 = village 1 (6) + village 2 (2), its only villages. Village 2 is hidden, so village 1
        // is too, though it holds 6: otherwise 8 - 6 gives village 2 away.
        for (int i = 0; i < 6; i++) {
            helpCase(contact("le-loi-thon-1"), "safe_delivery", "NORMAL", "tyt-hoa-binh", "2017-09-05T02:00Z", null, null);
        }
        for (int i = 0; i < 2; i++) {
            helpCase(contact("le-loi-thon-2"), "safe_delivery", "NORMAL", "tyt-hoa-binh", "2017-09-06T02:00Z", null, null);
        }

        // May 2016: Ia Chim 30 at its health station, Ngọk Bay 2 at Hòa Bình's, 6 without a place at the Women's Union.
        for (int i = 0; i < 30; i++) {
            helpCase(contact("ia-chim-thon-1"), "other", "NORMAL", "tyt-ia-chim", "2016-05-10T02:00Z", null, null);
        }
        for (int i = 0; i < 2; i++) {
            helpCase(contact("ngok-bay-thon-1"), "other", "NORMAL", "tyt-hoa-binh", "2016-05-11T02:00Z", null, null);
        }
        for (int i = 0; i < 6; i++) {
            helpCase(contact(null), "other", "NORMAL", "hlhpn-thanh-pho", "2016-05-12T02:00Z", null, null);
        }

        accounts.create("stats-officer", encoder.encode("stats-pw-1"), "Health station officer", EnumSet.of(Role.OFFICER), Set.of("tyt-hoa-binh"));
    }

    @Test
    void the_figures_are_the_hand_counted_ones() throws Exception {
        HttpResponse<String> response = getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode r = JsonMapper.builder().build().readTree(response.body());

        assertThat(r.path("casesOpened").asLong()).isEqualTo(8);
        assertThat(r.path("casesByCategory").path("violence").asLong()).isEqualTo(1);
        assertThat(r.path("casesByCategory").path("safe_delivery").asLong()).isEqualTo(5);
        assertThat(r.path("casesByCategory").path("savings_loans").asLong()).isEqualTo(1);
        assertThat(r.path("casesByCategory").path("trafficking").asLong()).isEqualTo(1);
        assertThat(r.path("casesByCategory").path("other").asLong()).isZero();
        assertThat(r.path("urgentCases").asLong()).isEqualTo(1);
        assertThat(r.path("messagesByCategory").path("violence").asLong()).isEqualTo(2);
        assertThat(r.path("messagesByCategory").path("safe_delivery").asLong()).isEqualTo(5);

        assertThat(r.path("casesByCommune").path("Xã Hòa Bình").asString()).isEqualTo("5");
        assertThat(r.path("casesByCommune").path("Phường Ngô Mây").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByCommune").path("Xã Kroong").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByVillage").path("Làng mẫu 3 (Hòa Bình)").asString()).isEqualTo("5");
        assertThat(r.path("casesByVillage").path("Làng mẫu 1 (Ngô Mây)").asString()).isEqualTo("hidden");
        // A service point in a village names it as well as the village does.
        assertThat(r.path("casesByServicePoint").path("Địa chỉ tin cậy Ngô Mây (mẫu)").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByServicePoint").path("Trạm Y tế Hòa Bình (mẫu)").asString()).isEqualTo("5");
        // Every service point is listed, one with no case like one with few: a row would say someone asked there.
        assertThat(r.path("casesByServicePoint").path("Địa chỉ tin cậy Đăk Cấm (mẫu)").asString()).isEqualTo("hidden");

        JsonNode i = r.path("indicators");
        assertThat(i.path("trustedAddressesActive").asLong()).isEqualTo(1);
        assertThat(i.path("trustedAddressesTarget").asLong()).isEqualTo(16);
        assertThat(i.path("villagesReached").asLong()).isEqualTo(3);
        assertThat(i.path("disadvantagedVillagesReached").asLong()).isEqualTo(2);
        assertThat(i.path("womenCounselledOnSafeDelivery").asLong()).isEqualTo(5);
        assertThat(i.path("violenceAndTraffickingCasesSupported").asLong()).isEqualTo(2);
        assertThat(i.path("violenceAndTraffickingCasesResolved").asLong()).isEqualTo(2);
        assertThat(i.path("savingsQuestionsReferred").asLong()).isEqualTo(1);

        JsonNode normal = r.path("answeringByPriority").path("NORMAL");
        assertThat(normal.path("answered").asLong()).isEqualTo(6);
        assertThat(normal.path("firstResponseMedian").asLong()).isEqualTo(120);
        assertThat(normal.path("firstResponseP90").asLong()).isEqualTo(300);
        assertThat(r.path("answeringByPriority").path("URGENT").path("firstResponseMedian").asLong()).isEqualTo(4);
        assertThat(response.body()).doesNotContain(SECRET);
    }

    @Test
    void an_officer_sees_only_the_figures_of_their_own_service_point() throws Exception {
        JsonNode r = JsonMapper.builder().build().readTree(getAs("stats-officer", "stats-pw-1", "/api/v1/stats?" + PERIOD).body());

        assertThat(r.path("casesOpened").asLong()).isEqualTo(5);
        assertThat(r.path("casesByCategory").path("violence").asLong()).isZero();
        assertThat(r.path("indicators").path("womenCounselledOnSafeDelivery").asLong()).isEqualTo(5);
        // Her own service point alone, not the others of the directory.
        assertThat(r.path("casesByServicePoint").propertyNames()).containsExactly("Trạm Y tế Hòa Bình (mẫu)");
    }

    @Test
    void the_spreadsheet_read_back_holds_the_figures_in_vietnamese_and_no_message_text() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/v1/reports/summary.xlsx?" + PERIOD))).header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".xlsx"));

        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Row row : book.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                for (Cell cell : row) {
                    line.append(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue()).append('|');
                }
                lines.add(line.toString());
            }
        }
        assertThat(lines.getFirst()).startsWith("Báo cáo kết quả hoạt động");
        assertThat(lines).contains("Phụ nữ được tư vấn sinh đẻ an toàn|5|", "Sinh đẻ an toàn|5|", "Trường hợp khẩn cấp|1|",
                "Xã Hòa Bình|5|", "Phường Ngô Mây|ẩn|", "Địa chỉ tin cậy có hoạt động / chỉ tiêu|1 / 16|");
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
    }

    @Test
    void the_csv_says_the_same_and_the_presets_and_bad_periods_are_handled() throws Exception {
        HttpResponse<String> csv = getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?" + PERIOD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("\"Sinh đẻ an toàn\",\"5\"").doesNotContain(SECRET);

        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?preset=six-months&year=2020").statusCode()).isEqualTo(200);
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=2020-03-31&to=2020-03-01").statusCode()).isEqualTo(400);
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=yesterday&to=today").statusCode()).isEqualTo(400);
        // A year typed wrong is a bad request, on the API and on the printable report.
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?preset=annual&year=1000000000").statusCode()).isEqualTo(400);
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?preset=six-months&year=-999999999").statusCode()).isEqualTo(400);
        var badYear = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats/print?preset=annual&year=1000000000");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(badYear.body()).contains("Năm không hợp lệ: báo cáo 6 tháng và báo cáo năm có cho các năm từ 2000 đến 2100.");
        // Days far out of the years a report covers: a bad request on the API, the nearest years on the pages.
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=%2B999999999-01-01&to=%2B999999999-01-02").statusCode()).isEqualTo(400);
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=1800-01-01&to=1800-01-02").statusCode()).isEqualTo(400);
        var far = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats?from=9999-01-01&to=9999-12-31");
        assertThat(far.statusCode()).isEqualTo(200);
        assertThat(far.body()).contains("value=\"2100-12-31\"");
        // At most five years: a thousand years of months would be a page of megabytes for nothing.
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=1900-01-01&to=2999-12-31").statusCode()).isEqualTo(400);
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=2016-01-01&to=2020-12-31").statusCode()).isEqualTo(200);
        String page = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats?from=1900-01-01&to=2020-12-31").body();
        assertThat(page).contains("value=\"2015-12-31\"").contains("value=\"2020-12-31\"").hasSizeLessThan(300_000);
        assertThat(get(HttpClient.newHttpClient(), "/api/v1/stats?" + PERIOD).statusCode()).isEqualTo(401);
    }

    @Test
    void the_figures_over_time_are_per_week_for_a_month_and_per_month_for_six_months_in_the_api_the_dashboard_and_the_spreadsheet()
            throws Exception {
        JsonNode month = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + PERIOD).body()).path("overTime");
        assertThat(month.path("unit").asString()).isEqualTo("WEEK");
        // 1 March 2020 is a Sunday: weeks from Monday, cut at the period's ends.
        assertThat(month.path("starts").toString()).isEqualTo("[\"2020-03-01\",\"2020-03-02\",\"2020-03-09\",\"2020-03-16\",\"2020-03-23\",\"2020-03-30\"]");
        assertThat(month.path("ends").path(5).asString()).isEqualTo("2020-03-31");
        assertThat(month.path("cases").path("violence").toString()).isEqualTo("[1,0,0,0,0,0]");
        assertThat(month.path("cases").path("safe_delivery").toString()).isEqualTo("[0,0,5,0,0,0]");
        assertThat(month.path("cases").path("trafficking").toString()).isEqualTo("[0,0,0,1,0,0]");
        assertThat(month.path("messages").path("violence").toString()).isEqualTo("[2,0,0,0,0,0]");
        assertThat(month.path("cases").path("other").toString()).isEqualTo("[0,0,0,0,0,0]");

        JsonNode sixMonths = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?preset=six-months&year=2020")
                .body()).path("overTime");
        assertThat(sixMonths.path("unit").asString()).isEqualTo("MONTH");
        assertThat(sixMonths.path("starts").path(3).asString()).isEqualTo("2020-03-01");
        assertThat(sixMonths.path("cases").path("safe_delivery").toString()).isEqualTo("[0,0,0,5,0,0]");

        // An officer's own service point: the same breakdown, of her cases only.
        JsonNode officer = JsonMapper.builder().build().readTree(getAs("stats-officer", "stats-pw-1", "/api/v1/stats?" + PERIOD).body())
                .path("overTime");
        assertThat(officer.path("cases").path("safe_delivery").toString()).isEqualTo("[0,0,5,0,0,0]");
        assertThat(officer.path("cases").path("violence").toString()).isEqualTo("[0,0,0,0,0,0]");

        String dashboard = vn.kontum.hotline.support.OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD)
                .get("/admin/stats?" + PERIOD).body();
        assertThat(dashboard).contains("Trường hợp mở, theo tuần").contains("Tin nhắn nhận được, theo tuần")
                .contains("id=\"cases-over-time\"").doesNotContain(SECRET);
        // The week of 9 March in the table beside the chart: violence 0, trafficking 0, safe delivery 5, savings 1, other 0.
        assertThat(dashboard.replaceAll("\\s+", " ")).contains("<th scope=\"row\">09/03 – 15/03/2020</th> <td>0</td> <td>0</td> <td>5</td> <td>1</td> <td>0</td>");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/v1/reports/summary.xlsx?" + PERIOD))).header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheet("Theo thời gian");
            assertThat(sheet).isNotNull();
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("Từ ngày");
            assertThat(head.getCell(4).getStringCellValue()).isEqualTo("Trường hợp: Sinh đẻ an toàn");
            assertThat(head.getCell(9).getStringCellValue()).isEqualTo("Tin nhắn: Sinh đẻ an toàn");
            Row week = sheet.getRow(3);
            assertThat(week.getCell(0).getStringCellValue()).isEqualTo("09/03/2020");
            assertThat(week.getCell(1).getStringCellValue()).isEqualTo("15/03/2020");
            assertThat((long) week.getCell(4).getNumericCellValue()).isEqualTo(5);
            assertThat((long) week.getCell(9).getNumericCellValue()).isEqualTo(5);
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
        }
    }

    @Test
    void the_cases_resolved_and_closed_in_the_period_are_on_the_api_the_pages_and_the_exports() throws Exception {
        JsonNode r = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + PERIOD).body());
        assertThat(r.path("casesResolved").asLong()).isEqualTo(3);
        assertThat(r.path("resolvedByCategory").path("violence").asLong()).isEqualTo(1);
        assertThat(r.path("resolvedByCategory").path("trafficking").asLong()).isEqualTo(1);
        assertThat(r.path("resolvedByCategory").path("other").asLong()).isEqualTo(1);
        assertThat(r.path("resolvedByCategory").path("savings_loans").asLong()).isZero();
        assertThat(r.path("casesClosed").asLong()).isEqualTo(2);
        assertThat(r.path("closedByCategory").path("other").asLong()).isEqualTo(1);
        assertThat(r.path("closedByCategory").path("savings_loans").asLong()).isEqualTo(1);
        // The officer of the health station: none of hers was resolved or closed.
        JsonNode officer = JsonMapper.builder().build().readTree(getAs("stats-officer", "stats-pw-1", "/api/v1/stats?" + PERIOD).body());
        assertThat(officer.path("casesResolved").asLong()).isZero();
        assertThat(officer.path("casesClosed").asLong()).isZero();

        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        for (String page : List.of("/admin/stats?" + PERIOD, "/admin/stats/print?" + PERIOD)) {
            String body = admin.get(page).body().replaceAll("\\s+", " ");
            assertThat(body).as(page).contains("<th scope=\"col\">Đã giải quyết trong kỳ</th><th scope=\"col\">Đã đóng trong kỳ</th>")
                    // category, opened, messages, resolved, closed
                    .contains("<td>Khác</td><td>0</td><td>0</td> <td>1</td><td>1</td>")
                    .contains("<td>Tiết kiệm, vay vốn</td><td>1</td><td>1</td> <td>0</td><td>1</td>")
                    .contains("<td>Tổng số trường hợp</td><td>8</td><td></td> <td>3</td><td>2</td>")
                    .contains("Đã giải quyết trong kỳ: trường hợp được cán bộ đánh dấu đã giải quyết trong kỳ, dù mở từ lúc nào");
        }

        String csv = getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?" + PERIOD).body();
        assertThat(csv).contains("\"Đã giải quyết trong kỳ\",\"3\"\r\n\"Bạo lực\",\"1\"\r\n\"Mua bán người\",\"1\"")
                .contains("\"Đã đóng trong kỳ\",\"2\"\r\n");
        assertThat(xlsxLines("/api/v1/reports/summary.xlsx?" + PERIOD)).containsSubsequence("Đã giải quyết trong kỳ|3|", "Khác|1|",
                "Đã đóng trong kỳ|2|", "Bạo lực|0|", "Mua bán người|0|", "Sinh đẻ an toàn|0|", "Tiết kiệm, vay vốn|1|", "Khác|1|");
    }

    @Test
    void every_export_says_whose_figures_and_which_period_and_gives_the_cases_by_channel() throws Exception {
        HttpResponse<String> city = getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?" + PERIOD);
        assertThat(city.body()).startsWith("\uFEFF\"Báo cáo kết quả hoạt động đường dây Địa chỉ tin cậy (Dự án 8)\",\"\"\r\n"
                + "\"Phạm vi\",\"Toàn thành phố\"\r\n\"Thời gian\",\"01/03/2020 – 31/03/2020\"\r\n");
        assertThat(city.body()).contains("\"Trường hợp mở trong kỳ, theo kênh\",\"\"\r\n\"Trang web\",\"8\"\r\n\"Telegram\",\"0\"\r\n"
                + "\"Zalo\",\"0\"\r\n\"Điện thoại\",\"0\"\r\n\"Trực tiếp\",\"0\"\r\n");
        HttpResponse<String> own = getAs("stats-officer", "stats-pw-1", "/api/v1/reports/summary.csv?" + PERIOD);
        assertThat(own.body()).contains("\"Phạm vi\",\"Các nơi tiếp nhận của mình: Trạm Y tế Hòa Bình (mẫu)\"\r\n")
                .contains("\"Trang web\",\"5\"").doesNotContain("Toàn thành phố");
        assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("bao-cao-diem-cua-minh-2020-03-01-2020-03-31.csv"));
        assertThat(city.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("bao-cao-thanh-pho-2020-03-01-2020-03-31.csv"));

        assertThat(xlsxLines("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.xlsx?" + PERIOD)).startsWith(
                "Báo cáo kết quả hoạt động đường dây Địa chỉ tin cậy (Dự án 8)||", "Phạm vi|Toàn thành phố|", "Thời gian|01/03/2020 – 31/03/2020|")
                .containsSubsequence("Trường hợp mở trong kỳ, theo kênh||", "Trang web|8|", "Telegram|0|", "Zalo|0|", "Điện thoại|0|", "Trực tiếp|0|");
        assertThat(xlsxLines("stats-officer", "stats-pw-1", "/api/v1/reports/summary.xlsx?" + PERIOD))
                .contains("Phạm vi|Các nơi tiếp nhận của mình: Trạm Y tế Hòa Bình (mẫu)|");

        // The printable report names its scope in Vietnamese, not in the API's words.
        String cityPage = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats/print?" + PERIOD).body();
        assertThat(cityPage.replaceAll("\\s+", " ")).contains("Phạm vi</span>: <span class=\"scope\">Toàn thành phố</span>")
                .doesNotContain(">city<");
        String ownPage = OfficerClient.loggedIn(url(""), "stats-officer", "stats-pw-1").get("/admin/stats/print?" + PERIOD).body();
        assertThat(ownPage.replaceAll("\\s+", " "))
                .contains("Phạm vi</span>: <span class=\"scope\">Các nơi tiếp nhận của mình: Trạm Y tế Hòa Bình (mẫu)</span>")
                .doesNotContain("own service points");
    }

    @Test
    void the_places_are_in_vietnamese_order_and_those_not_given_are_named_and_last() throws Exception {
        String page = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats/print?" + PERIOD).body();
        assertThat(page.replaceAll("\\s+", " ")).containsSubsequence("Trường hợp theo xã, phường", "<td>Phường Ngô Mây</td>",
                        "<td>Xã Hòa Bình</td>", "<td>Xã Kroong</td>", "<td>Không rõ nơi ở</td>",
                        "Trường hợp theo thôn, làng", "<td>Làng mẫu 1 (Kroong)</td>", "<td>Làng mẫu 1 (Ngô Mây)</td>",
                        "<td>Làng mẫu 3 (Hòa Bình)</td>", "<td>Không rõ nơi ở</td>")
                .doesNotContain("<td>?</td>");
        String dashboard = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats?" + PERIOD).body();
        assertThat(dashboard.replaceAll("\\s+", " ")).containsSubsequence("<td>Xã Kroong</td>", "<td>Không rõ nơi ở</td>")
                .doesNotContain("<td>?</td>");
        assertThat(xlsxLines("/api/v1/reports/summary.xlsx?" + PERIOD)).containsSubsequence("Trường hợp theo xã, phường (dưới 5 được ẩn)||",
                "Phường Ngô Mây|ẩn|", "Xã Hòa Bình|5|", "Xã Kroong|ẩn|", "Không rõ nơi ở|ẩn|");
        assertThat(getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?" + PERIOD).body())
                .contains("\"Xã Vinh Quang\",\"ẩn\"\r\n\"Không rõ nơi ở\",\"ẩn\"\r\n");
        // The API keeps its key, last as well.
        JsonNode communes = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + PERIOD).body())
                .path("casesByCommune");
        assertThat(communes.propertyNames()).containsSubsequence("Phường Ngô Mây", "Xã Hòa Bình", "Xã Kroong").endsWith("?");
    }

    @Test
    void a_hidden_cell_says_hidden_not_under_five_since_it_may_hold_more() throws Exception {
        String period = "from=2017-09-01&to=2017-09-30";
        JsonNode r = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + period).body());
        assertThat(r.path("casesByCommune").path("Phường Lê Lợi").asString()).isEqualTo("8");
        assertThat(r.path("casesByVillage").path("Làng mẫu 1 (Lê Lợi)").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByVillage").path("Làng mẫu 2 (Lê Lợi)").asString()).isEqualTo("hidden");
        assertThat(r.path("smallCountThreshold").asInt()).isEqualTo(5);

        String page = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats/print?" + period).body().replaceAll("\\s+", " ");
        assertThat(page).contains("<td>Làng mẫu 1 (Lê Lợi)</td><td>ẩn</td>").contains("<td>Làng mẫu 2 (Lê Lợi)</td><td>ẩn</td>")
                .contains("ô ghi &quot;ẩn&quot; có số từ 0 đến 4, hoặc là ô được ẩn thêm (số có thể từ 5 trở lên)")
                .doesNotContain("&lt;5");
        assertThat(OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats?" + period).body())
                .contains("ô ghi &quot;ẩn&quot; có số từ 0 đến 4").doesNotContain("&lt;5");
        String csv = getAs("admin", ADMIN_PASSWORD, "/api/v1/reports/summary.csv?" + period).body();
        assertThat(csv).contains("\"Làng mẫu 1 (Lê Lợi)\",\"ẩn\"").contains("có số từ 0 đến 4")
                .doesNotContain("<5");
        assertThat(xlsxLines("/api/v1/reports/summary.xlsx?" + period)).contains("Làng mẫu 1 (Lê Lợi)|ẩn|", "Phường Lê Lợi|8|");
    }

    @Test
    void every_commune_and_village_is_listed_and_one_without_cases_reads_like_one_with_a_few() throws Exception {
        // March 2020: no case from Ia Chim nor from Hòa Bình's village 2; one from Kroong's village 1.
        JsonNode r = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?" + PERIOD).body());
        assertThat(r.path("casesByCommune").path("Xã Ia Chim").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByVillage").path("Làng mẫu 2 (Hòa Bình)").asString()).isEqualTo("hidden");
        assertThat(r.path("casesByVillage").path("Làng mẫu 1 (Kroong)").asString()).isEqualTo("hidden");
        long communes = jdbc.sql("select count(*) from commune").query(Long.class).single();
        long villages = jdbc.sql("select count(*) from village").query(Long.class).single();
        // With the cases whose place was not given.
        assertThat(r.path("casesByCommune").size()).isEqualTo(communes + 1);
        assertThat(r.path("casesByVillage").size()).isEqualTo(villages + 1);
        String page = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/stats/print?" + PERIOD).body().replaceAll("\\s+", " ");
        assertThat(page).contains("<td>Xã Ia Chim</td><td>ẩn</td>", "<td>Làng mẫu 2 (Hòa Bình)</td><td>ẩn</td>");

        // The health station's officer: every place too, hers the only one with cases.
        JsonNode own = JsonMapper.builder().build().readTree(getAs("stats-officer", "stats-pw-1", "/api/v1/stats?" + PERIOD).body());
        assertThat(own.path("casesByCommune").path("Xã Hòa Bình").asString()).isEqualTo("5");
        assertThat(own.path("casesByCommune").path("Xã Kroong").asString()).isEqualTo("hidden");
        assertThat(own.path("casesByVillage").path("Làng mẫu 3 (Hòa Bình)").asString()).isEqualTo("5");
        assertThat(own.path("casesByVillage").path("Làng mẫu 2 (Hòa Bình)").asString()).isEqualTo("hidden");
        assertThat(own.path("casesByVillage").size()).isEqualTo(villages);
    }

    @Test
    void two_communes_or_two_service_points_of_the_same_name_keep_their_rows_each_with_its_id_beside() throws Exception {
        // Ngọk Bay named as Ia Chim, Ia Chim's health station as Hòa Bình's: by name, the 30 would be lost under the 2.
        String ngokBay = name("commune", "ngok-bay");
        String iaChimPoint = name("service_point", "tyt-ia-chim");
        String hoaBinhPoint = name("service_point", "tyt-hoa-binh");
        jdbc.sql("update commune set name = :n where id = 'ngok-bay'").param("n", name("commune", "ia-chim")).update();
        jdbc.sql("update service_point set name = :n where id = 'tyt-ia-chim'").param("n", hoaBinhPoint).update();
        try {
            JsonNode r = JsonMapper.builder().build().readTree(getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=2016-05-01&to=2016-05-31").body());
            assertThat(r.path("casesByCommune").path("Xã Ia Chim (ia-chim)").asString()).isEqualTo("30");
            assertThat(r.path("casesByCommune").path("Xã Ia Chim (ngok-bay)").asString()).isEqualTo("hidden");
            assertThat(r.path("casesByServicePoint").path(hoaBinhPoint + " (tyt-ia-chim)").asString()).isEqualTo("30");
            assertThat(r.path("casesByServicePoint").path(hoaBinhPoint + " (tyt-hoa-binh)").asString()).isEqualTo("hidden");
            // Counted from the cases (an officer's figures are), the same rows.
            StatsReport raw = stats.rawCityReport(new Period(java.time.LocalDate.of(2016, 5, 1), java.time.LocalDate.of(2016, 5, 31)));
            assertThat(raw.casesByServicePoint()).containsEntry(hoaBinhPoint + " (tyt-ia-chim)", "30")
                    .containsEntry(hoaBinhPoint + " (tyt-hoa-binh)", "hidden");
            assertThat(raw.casesByCommune()).containsEntry("Xã Ia Chim (ia-chim)", "30");
        } finally {
            jdbc.sql("update commune set name = :n where id = 'ngok-bay'").param("n", ngokBay).update();
            jdbc.sql("update service_point set name = :n where id = 'tyt-ia-chim'").param("n", iaChimPoint).update();
        }
    }

    private String name(String table, String id) {
        return jdbc.sql("select name from " + table + " where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> xlsxLines(String path) throws Exception {
        return xlsxLines("admin", ADMIN_PASSWORD, path);
    }

    /** The first sheet of the spreadsheet, one line per row, cells ended by "|". */
    private List<String> xlsxLines(String user, String password, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Row row : book.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                for (Cell cell : row) {
                    line.append(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue()).append('|');
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private void close(long caseId, String at) {
        jdbc.sql("update help_case set status = 'CLOSED', closed_at = :at where id = :id").param("at", OffsetDateTime.parse(at))
                .param("id", caseId).update();
    }

    private long contact(String village) {
        String commune = village == null ? null : jdbc.sql("select commune_id from village where id = :v").param("v", village)
                .query(String.class).single();
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, village_id, commune_id, created_at)
                        values ('web', :u, :v, :c, timestamp with time zone '2020-03-01 00:00:00+00')""")
                .param("u", UUID.randomUUID().toString()).param("v", village).param("c", commune).update();
        return jdbc.sql("select max(id) from contact").query(Long.class).single();
    }

    private long helpCase(long contact, String category, String priority, String servicePoint, String opened, String replied, String resolved) {
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                               opened_at, first_reply_at, resolved_at, updated_at)
                        values (:contact, 'web', :category, :priority, :status, :sp, 'fixture', :opened, :replied, :resolved, :opened)""")
                .param("contact", contact).param("category", category).param("priority", priority)
                .param("status", resolved == null ? "NEW" : "RESOLVED").param("sp", servicePoint)
                .param("opened", OffsetDateTime.parse(opened)).param("replied", replied == null ? null : OffsetDateTime.parse(replied))
                .param("resolved", resolved == null ? null : OffsetDateTime.parse(resolved)).update();
        return jdbc.sql("select max(id) from help_case").query(Long.class).single();
    }

    private void message(long contact, long caseId, String category, String at) {
        jdbc.sql("""
                        insert into message (direction, channel, inbound_key, contact_id, case_id, body, category, urgent, state, created_at)
                        values ('IN', 'web', :key, :contact, :case, :body, :category, false, 'PROCESSED', :at)""")
                .param("key", "fixture:" + UUID.randomUUID()).param("contact", contact).param("case", caseId)
                .param("body", SECRET + " em cần giúp").param("category", category).param("at", OffsetDateTime.parse(at)).update();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
