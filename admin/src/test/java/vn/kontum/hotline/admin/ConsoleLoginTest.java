package vn.kontum.hotline.admin;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.LoginThrottle;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/** Getting into the officers' pages: CSRF on every form, a new session at login, locking after failures, logout. */
class ConsoleLoginTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "login-officer", "pw-login-1", "Cán bộ Đăng nhập", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "login-locked", "pw-locked-1", "Cán bộ Bị khoá", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "login-logout", "pw-logout-1", "Cán bộ Đăng xuất", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "login-targeted", "pw-targeted-1", "Cán bộ Bị nhắm", Officers.WOMENS_UNION);
    }

    @Test
    void the_inbox_asks_for_a_login_first() {
        HttpResponse<String> answer = new OfficerClient(url("")).get("/admin");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> page = new OfficerClient(url("")).get("/login");
        assertThat(page.body()).contains("Đăng nhập cán bộ").contains("<label for=\"username\">Tên đăng nhập</label>")
                .contains("name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void a_login_without_the_forms_csrf_token_is_refused() {
        OfficerClient client = new OfficerClient(url(""));
        client.get("/login");
        HttpResponse<String> answer = client.postForm("/login", Map.of("username", "login-officer", "password", "pw-login-1"));
        // Back to a fresh login form (as for a login page left open past its session), not logged in.
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void logging_in_gives_a_new_session_id_and_the_old_one_is_worth_nothing() {
        OfficerClient client = new OfficerClient(url(""));
        client.get("/login");
        String before = client.sessionId().orElseThrow();

        HttpResponse<String> answer = client.login("login-officer", "pw-login-1");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        String after = client.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(client.get("/admin").body()).contains("Các trường hợp cần xử lý");

        HttpResponse<String> withOldId = getWithSession(before);
        assertThat(withOldId.statusCode()).isEqualTo(302);
    }

    @Test
    void five_wrong_passwords_lock_the_account_from_that_address_for_a_while_even_against_the_right_one() throws Exception {
        OfficerClient client = new OfficerClient(url(""));
        long started = System.nanoTime();
        HttpResponse<String> answer = null;
        for (int i = 1; i <= 5; i++) {
            answer = client.login("login-locked", "wrong-" + i);
            if (i < 5) {
                assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            }
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("each failure answers more slowly").isGreaterThanOrEqualTo(1_000);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        assertThat(client.get("/login?locked").body()).contains("Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút");

        HttpResponse<String> right = client.login("login-locked", "pw-locked-1");
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
        assertThat(getAs("login-locked", "pw-locked-1", "/api/v1/cases").statusCode()).isEqualTo(429);

        // Another account on the same address is not locked by this one's failures.
        assertThat(new OfficerClient(url("")).login("login-officer", "pw-login-1").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void an_outsider_failing_an_officers_password_elsewhere_does_not_keep_her_out_behind_the_proxy() {
        OfficerClient outsider = OfficerClient.at(url(""), "203.0.113.66");
        for (int i = 1; i <= 6; i++) {
            outsider.login("login-targeted", "guess-" + i);
        }
        HttpResponse<String> guessedRight = outsider.login("login-targeted", "pw-targeted-1");
        assertThat(guessedRight.headers().firstValue("Location")).as("guessing from there stays locked")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));

        OfficerClient officer = OfficerClient.at(url(""), "198.51.100.20"); // her commune office
        HttpResponse<String> hers = officer.login("login-targeted", "pw-targeted-1");
        assertThat(hers.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(officer.get("/admin").body()).contains("Các trường hợp cần xử lý");
    }

    @Test
    void an_ipv6_client_counts_by_its_64_prefix() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("login-officer", "2001:db8:7:1::" + Integer.toHexString(i));
        }
        assertThat(throttle.locked("login-officer", "2001:db8:7:1:ffff::9")).isTrue();
        assertThat(throttle.locked("login-officer", "2001:db8:7:2::1")).isFalse();
    }

    @Test
    void many_failures_from_one_address_lock_every_username_from_that_address_only() {
        String address = "198.51.100.7";
        for (int i = 0; i < 30; i++) {
            throttle.failed("someone-" + i, address);
        }
        assertThat(throttle.locked("login-officer", address)).isTrue();
        assertThat(throttle.locked("login-officer", "198.51.100.8")).isFalse();
    }

    @Test
    void logging_out_ends_the_session() {
        OfficerClient client = OfficerClient.loggedIn(url(""), "login-logout", "pw-logout-1");
        HttpResponse<String> answer = client.post("/logout");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(client.get("/login?logout").body()).contains("Bạn đã đăng xuất.");
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void a_form_sent_after_the_session_ended_leads_to_the_login_page_saying_it_was_not_saved() {
        OfficerClient client = OfficerClient.loggedIn(url(""), "login-logout", "pw-logout-1");
        String token = OfficerClient.token(client.get("/admin").body());
        client.post("/logout");

        // The page was left open with its token; the reply box is sent after the session is gone.
        HttpResponse<String> answer = client.postForm("/admin/cases/1/reply", Map.of("text", "Chị ổn không?", "_csrf", token));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(client.get("/login?expired").body()).contains("nội dung bạn vừa gửi chưa được lưu");

        // Logged in, a token that is not the session's is still refused.
        OfficerClient again = OfficerClient.loggedIn(url(""), "login-logout", "pw-logout-1");
        assertThat(again.postForm("/admin/cases/1/reply", Map.of("text", "x", "_csrf", token)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> getWithSession(String sessionId) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/admin")))
                    .header("Cookie", "JSESSIONID=" + sessionId).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
