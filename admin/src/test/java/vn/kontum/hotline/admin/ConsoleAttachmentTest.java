package vn.kontum.hotline.admin;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A photo sent on Telegram, opened by the officer of the case through the hotline, and by nobody else. */
class ConsoleAttachmentTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "media-union", "pw-media-union", "Chị Media", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "media-health", "pw-media-health", "Chị Y Tế Media", Officers.HEALTH_CENTRE);
    }

    @Test
    void the_officer_of_the_case_opens_a_photo_through_the_hotline_and_another_service_point_gets_404() {
        long chat = 752_001;
        byte[] photo = ("photo-bytes-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        int update = TELEGRAM.userSendsPhoto(chat, "Hạnh", "photo-752001", photo);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select case_id from message where inbound_key = :k and case_id is not null")
                .param("k", "telegram:" + update).query(Long.class).optional().isPresent());
        long caseId = jdbc.sql("select case_id from message where inbound_key = :k").param("k", "telegram:" + update).query(Long.class).single();
        long messageId = jdbc.sql("select id from message where inbound_key = :k").param("k", "telegram:" + update).query(Long.class).single();
        String path = "/admin/cases/" + caseId + "/attachments/" + messageId;

        OfficerClient union = OfficerClient.loggedIn(url(""), "media-union", "pw-media-union");
        assertThat(union.get("/admin/cases/" + caseId).body()).contains(path).doesNotContain(FakeTelegramToken.VALUE);
        HttpResponse<String> opened = union.get(path);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(opened.body()).isEqualTo(new String(photo, StandardCharsets.US_ASCII));

        OfficerClient health = OfficerClient.loggedIn(url(""), "media-health", "pw-media-health");
        assertThat(health.get(path).statusCode()).isEqualTo(404);
        assertThat(union.get("/admin/cases/" + caseId + "/attachments/" + (messageId + 100_000)).statusCode()).isEqualTo(404);
    }

    private static final class FakeTelegramToken {
        static final String VALUE = vn.kontum.hotline.support.FakeTelegram.TOKEN;
    }
}
