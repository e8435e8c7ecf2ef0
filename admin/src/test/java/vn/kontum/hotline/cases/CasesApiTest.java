package vn.kontum.hotline.cases;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monitoring API shows each account only the cases of its service points; everyone else gets 401 or 404. */
class CasesApiTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    private static boolean officersCreated;

    @BeforeEach
    void officers() {
        if (!officersCreated) {
            accounts.create("officer-union", encoder.encode("pw-union-1"), "Union officer", EnumSet.of(Role.OFFICER), Set.of("hlhpn-thanh-pho"));
            accounts.create("officer-health", encoder.encode("pw-health-1"), "Health officer", EnumSet.of(Role.OFFICER), Set.of("ttyt-thanh-pho"));
            officersCreated = true;
        }
    }

    @Test
    void each_account_sees_only_what_it_may() throws Exception {
        HttpClient browser = browser();
        get(browser, "/chat");
        postJson(browser, "/chat/api/messages", "{\"clientMessageId\":\"c1\",\"text\":\"chồng em hay đánh em khi say rượu, em phải làm sao\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(browser, "/chat/api/messages").body().contains("\"from\":\"hotline\""));
        long caseId = jdbc.sql("select max(id) from help_case where category = 'violence' and channel = 'web'").query(Long.class).single();

        assertThat(get(HttpClient.newHttpClient(), "/api/v1/cases").statusCode()).isEqualTo(401);
        assertThat(getAs("admin", "wrong", "/api/v1/cases").statusCode()).isEqualTo(401);

        var all = getAs("admin", ADMIN_PASSWORD, "/api/v1/cases");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"id\":" + caseId).contains("\"category\":\"violence\"").contains("\"servicePointId\":\"hlhpn-thanh-pho\"")
                .doesNotContain("say rượu");

        var own = getAs("officer-union", "pw-union-1", "/api/v1/cases/" + caseId + "/messages");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("chồng em hay đánh em khi say rượu").contains("\"direction\":\"OUT\"").contains("\"category\":\"violence\"");

        var other = getAs("officer-health", "pw-health-1", "/api/v1/cases/" + caseId + "/messages");
        assertThat(other.statusCode()).isEqualTo(404);
        // Reading her words through the API is in the case's audit, as opening its page is; a refused read is not.
        assertThat(jdbc.sql("""
                        select a.username from case_audit l join account a on a.id = l.account_id
                        where l.case_id = :c and l.action_type = 'VIEW' and l.detail = 'api'""")
                .param("c", caseId).query(String.class).list()).containsExactly("officer-union");
        assertThat(other.body()).doesNotContain("say rượu");
        assertThat(getAs("officer-health", "pw-health-1", "/api/v1/cases").body()).doesNotContain("\"id\":" + caseId + ",");
        assertThat(getAs("officer-union", "pw-union-1", "/api/v1/cases/999999/messages").statusCode()).isEqualTo(404);
    }

    @Test
    void the_openapi_description_lists_the_case_endpoints() throws Exception {
        var docs = get(HttpClient.newHttpClient(), "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/cases").contains("/api/v1/cases/{id}/messages");
    }
}
