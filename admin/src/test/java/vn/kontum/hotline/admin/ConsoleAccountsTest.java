package vn.kontum.hotline.admin;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators keep the accounts: add an officer for a service point, disable her; nobody else may. */
class ConsoleAccountsTest extends HotlineIntegrationTest {

    @Test
    void an_administrator_adds_an_officer_who_can_then_log_in_and_a_disabled_account_cannot() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String page = admin.submit("/admin/accounts", Map.of("username", "acc-dakbla", "displayName", "Chị Y Đăk Blà",
                "roles", "OFFICER", "servicePoints", "tyt-dak-bla", "password", "mat-khau-du-dai")).body();
        assertThat(page).contains("acc-dakbla").contains("Chị Y Đăk Blà").contains("tyt-dak-bla");
        assertThat(jdbc.sql("select password_hash from account where username = 'acc-dakbla'").query(String.class).single())
                .doesNotContain("mat-khau-du-dai").startsWith("{bcrypt}");

        OfficerClient officer = OfficerClient.loggedIn(url(""), "acc-dakbla", "mat-khau-du-dai");
        assertThat(officer.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/accounts", Map.of("username", "sneaky", "displayName", "x", "roles", "ADMIN",
                "password", "mat-khau-du-dai")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from account where username = 'sneaky'").query(Long.class).single()).isZero();

        long id = jdbc.sql("select id from account where username = 'acc-dakbla'").query(Long.class).single();
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị Y Đăk Blà", "roles", "OFFICER", "servicePoints", "tyt-dak-bla"));
        assertThat(new OfficerClient(url("")).login("acc-dakbla", "mat-khau-du-dai").headers().firstValue("Location").orElse(""))
                .doesNotEndWith("/admin");
    }

    @Test
    void disabling_an_account_demoting_it_or_resetting_its_password_ends_the_sessions_it_has_open() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        admin.submit("/admin/accounts", Map.of("username", "acc-ended", "displayName", "Chị H'Lan", "roles", "OFFICER,COORDINATOR",
                "servicePoints", "tyt-dak-bla", "password", "mat-khau-ban-dau"));
        long id = jdbc.sql("select id from account where username = 'acc-ended'").query(Long.class).single();

        // A password reset: the session open on her (lost) phone ends, and so does its Telegram link (no more alerts
        // there); she logs in again with the new password.
        jdbc.sql("insert into officer_chat (account_id, channel, chat_id, linked_at) values (:a, 'telegram', '733001', :now)")
                .param("a", id).param("now", java.time.OffsetDateTime.now()).update();
        OfficerClient phone = OfficerClient.loggedIn(url(""), "acc-ended", "mat-khau-ban-dau");
        assertThat(phone.get("/admin").statusCode()).isEqualTo(200);
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị H'Lan", "roles", "OFFICER,COORDINATOR",
                "servicePoints", "tyt-dak-bla", "enabled", "true", "password", "mat-khau-moi-dai"));
        assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
        assertThat(phone.htmx("/admin").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from officer_chat where account_id = :a").param("a", id).query(Long.class).single()).isZero();

        // Demoted from coordinator: the coordinators' metrics close at once, not at her next login.
        OfficerClient again = OfficerClient.loggedIn(url(""), "acc-ended", "mat-khau-moi-dai");
        assertThat(again.fetch("/actuator/prometheus").statusCode()).isEqualTo(200);
        OfficerClient atTheLoginPage = new OfficerClient(url(""));
        String token = OfficerClient.token(atTheLoginPage.get("/login").body());
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị H'Lan", "roles", "OFFICER",
                "servicePoints", "tyt-dak-bla", "enabled", "true"));
        assertThat(again.fetch("/actuator/prometheus").statusCode()).isNotEqualTo(200);
        // A login on a page opened before the change is a session of its own, begun at the login.
        atTheLoginPage.postForm("/login", Map.of("username", "acc-ended", "password", "mat-khau-moi-dai", "_csrf", token));
        assertThat(atTheLoginPage.get("/admin").statusCode()).isEqualTo(200);

        // Disabled: the session she has open ends, and nothing she sends is taken.
        OfficerClient last = OfficerClient.loggedIn(url(""), "acc-ended", "mat-khau-moi-dai");
        assertThat(last.get("/admin").statusCode()).isEqualTo(200);
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị H'Lan", "roles", "OFFICER", "servicePoints", "tyt-dak-bla"));
        assertThat(last.get("/admin").statusCode()).isEqualTo(302);
        assertThat(last.get("/admin").headers().firstValue("Location").orElse("")).endsWith("/login");

        // A change that is none of these (her name) leaves an enabled officer's session alone.
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị H'Lan", "roles", "OFFICER", "servicePoints", "tyt-dak-bla",
                "enabled", "true"));
        OfficerClient kept = OfficerClient.loggedIn(url(""), "acc-ended", "mat-khau-moi-dai");
        admin.submit("/admin/accounts/" + id, Map.of("displayName", "Chị H'Lan Ksor", "roles", "OFFICER", "servicePoints", "tyt-dak-bla",
                "enabled", "true"));
        assertThat(kept.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void a_change_made_on_another_node_ends_the_session_whatever_the_clocks_say() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        admin.submit("/admin/accounts", Map.of("username", "acc-clock", "displayName", "Chị Y Blao", "roles", "OFFICER",
                "servicePoints", "tyt-dak-bla", "password", "mat-khau-ban-dau"));
        OfficerClient phone = OfficerClient.loggedIn(url(""), "acc-clock", "mat-khau-ban-dau");
        assertThat(phone.get("/admin").statusCode()).isEqualTo(200);
        // Another node records a change. Its clock may run behind this one's: dated by it, the change would seem to
        // come before this session began.
        jdbc.sql("update account set session_epoch = session_epoch + 1, sessions_valid_from = :behind where username = 'acc-clock'")
                .param("behind", java.time.OffsetDateTime.now().minusHours(1)).update();

        assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void a_short_password_a_taken_name_and_disabling_the_last_administrator_are_refused() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(admin.submit("/admin/accounts", Map.of("username", "acc-short", "displayName", "A", "roles", "OFFICER",
                "password", "ngan")).body()).contains("Mật khẩu quá ngắn.");
        assertThat(admin.submit("/admin/accounts", Map.of("username", "admin", "displayName", "A", "roles", "OFFICER",
                "password", "mat-khau-du-dai")).body()).contains("Tên đăng nhập này đã có.");

        long adminId = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        assertThat(admin.submit("/admin/accounts/" + adminId, Map.of("displayName", "Quản trị", "roles", "COORDINATOR")).body())
                .contains("Không thể tắt hoặc bỏ quyền quản trị của tài khoản quản trị cuối cùng.");
        assertThat(jdbc.sql("select roles from account where id = :id").param("id", adminId).query(String.class).single()).contains("ADMIN");
        assertThat(admin.postForm("/admin/accounts", Map.of("username", "no-token", "displayName", "A", "roles", "OFFICER",
                "password", "mat-khau-du-dai")).statusCode()).isEqualTo(403);
    }
}
