package vn.kontum.hotline.oncall;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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

/**
 * Opening hours and the rota: officers read their own service point's, coordinators read and change every one.
 * Uses the Đăk Blà trusted address, whose hours no other test changes.
 */
class OnCallPagesTest extends HotlineIntegrationTest {

    private static final String OWN = "dctc-dak-bla";
    private static final String OTHER = "tyt-hoa-binh";

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OpeningHours hours;
    @Autowired
    Rota rota;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "rota-officer", "pw-rota-officer", "Chị Đăk Blà", OWN);
    }

    private OfficerClient officer() {
        return OfficerClient.loggedIn(url(""), "rota-officer", "pw-rota-officer");
    }

    private OfficerClient coordinator() {
        return OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
    }

    @Test
    void an_officer_reads_their_own_rota_and_cannot_change_it_nor_see_another_service_points() {
        OfficerClient officer = officer();
        HttpResponse<String> own = officer.get("/admin/on-call/" + OWN);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Giờ làm việc").contains("Lịch trực").contains("giờ hành chính")
                .doesNotContain("/admin/on-call/" + OWN + "/hours\"").doesNotContain("Thêm ca trực");
        assertThat(officer.get("/admin/on-call").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/on-call/" + OWN));

        assertThat(officer.post("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "6", "opens", "08:00", "closes", "11:00")).statusCode())
                .isEqualTo(403);
        assertThat(officer.post("/admin/on-call/" + OWN + "/shifts", Map.of("accountId", Long.toString(id("rota-officer")),
                "kind", "dated", "fromDate", "2030-01-01", "toDate", "2030-01-02")).statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin/on-call/" + OTHER).statusCode()).isEqualTo(404);
        assertThat(officer.post("/admin/on-call/" + OTHER + "/hours", Map.of("weekday", "6", "opens", "08:00", "closes", "11:00")).statusCode())
                .isEqualTo(404);
        assertThat(officer.post("/admin/on-call/" + OTHER + "/shifts/1/remove").statusCode()).isEqualTo(404);
        assertThat(officer.get("/admin/on-call/no-such-place").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from opening_hours where service_point_id in (:a, :b)").param("a", OWN).param("b", OTHER)
                .query(Long.class).single()).isZero();
        // Without the form's CSRF token, even a coordinator's change is refused.
        assertThat(coordinator().postForm("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "6", "opens", "08:00", "closes", "11:00"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void a_coordinator_sets_opening_hours_and_a_rota_which_then_apply() {
        OfficerClient coordinator = coordinator();
        String page = coordinator.submit("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "6", "opens", "08:00", "closes", "11:00")).body();
        assertThat(page).contains("Đã lưu thay đổi.").contains("08:00–11:00").doesNotContain("Nơi này dùng giờ hành chính");
        // Saturday 2026-03-07 09:00 in Kon Tum is 02:00 UTC; Monday is now closed (own hours replace the office day).
        assertThat(hours.isOpen(OWN, OffsetDateTime.parse("2026-03-07T02:00Z"))).isTrue();
        assertThat(hours.isOpen(OWN, OffsetDateTime.parse("2026-03-09T02:00Z"))).isFalse();
        assertThat(hours.nextOpening(OWN, OffsetDateTime.parse("2026-03-09T02:00Z"))).isEqualTo(OffsetDateTime.parse("2026-03-14T01:00Z"));

        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "6", "opens", "10:00", "closes", "12:00")).body())
                .contains("Khoảng giờ này trùng với giờ đã có trong ngày.");
        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "6", "opens", "12:00", "closes", "11:00")).body())
                .contains("Giờ kết thúc phải sau giờ bắt đầu.");
        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/hours", Map.of("weekday", "9", "opens", "12:00", "closes", "13:00")).body())
                .contains("Lựa chọn không hợp lệ.");

        long officer = id("rota-officer");
        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/shifts", Map.of("accountId", Long.toString(officer), "kind", "weekly",
                "weekday", "1", "starts", "17:00", "ends", "07:30")).body()).contains("Chị Đăk Blà").contains("17:00–07:30");
        // Monday 2026-03-09 20:00 in Kon Tum (13:00 UTC) and Tuesday 06:00 (Monday 23:00 UTC) are in the night shift.
        assertThat(rota.onCallAt(OWN, OffsetDateTime.parse("2026-03-09T13:00Z"))).containsExactly(officer);
        assertThat(rota.onCallAt(OWN, OffsetDateTime.parse("2026-03-09T23:00Z"))).containsExactly(officer);
        assertThat(rota.onCallAt(OWN, OffsetDateTime.parse("2026-03-10T02:00Z"))).isEmpty();
        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/shifts", Map.of("accountId", Long.toString(id("admin")), "kind", "dated",
                "fromDate", "2030-01-01", "toDate", "2030-01-02")).body()).contains("Cán bộ này không thuộc nơi tiếp nhận này.");

        assertThat(officer().get("/admin/on-call/" + OWN).body()).contains("08:00–11:00").contains("17:00–07:30");

        long row = jdbc.sql("select id from opening_hours where service_point_id = :sp").param("sp", OWN).query(Long.class).single();
        assertThat(coordinator.submit("/admin/on-call/" + OWN + "/hours/" + row + "/remove", Map.of()).body())
                .contains("Nơi này dùng giờ hành chính");
        assertThat(hours.isOpen(OWN, OffsetDateTime.parse("2026-03-09T02:00Z"))).isTrue();
        assertThat(hours.weekOf(OWN).get(DayOfWeek.MONDAY)).extracting(OpeningHours.Span::opens)
                .containsExactly(LocalTime.of(7, 30), LocalTime.of(13, 30));
    }

    private long id(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }
}
