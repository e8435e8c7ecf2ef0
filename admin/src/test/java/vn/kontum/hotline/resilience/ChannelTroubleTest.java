package vn.kontum.hotline.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.FakeTelegram;
import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telegram and Zalo answering 5xx, 429 or nothing at all: the reply goes later, after waits that grow (or the
 * wait Telegram asks for), exactly once; one that never goes through is given up and shown to officers as
 * failed, with the reason. The channel tests cover a 403, Zalo's rate limit and its 7-day window already.
 */
class ChannelTroubleTest extends HotlineIntegrationTest {

    /** The shared test configuration's read timeout (production: 30 s for Telegram, 20 s for Zalo). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(6);

    @AfterEach
    void calm() {
        TELEGRAM.retryAfter(1);
    }

    @Test
    void a_telegram_reply_through_a_5xx_a_timeout_and_a_429_is_delivered_once_after_growing_waits() {
        long chat = 785_101;
        TELEGRAM.retryAfter(3);
        TELEGRAM.failSendsTo(chat, 502, FakeTelegram.TIMEOUT, 429);
        TELEGRAM.userWrites(chat, "H'Lan", "chị ơi em muốn hỏi chuyện vay vốn");

        await().atMost(Duration.ofSeconds(90)).until(() -> "SENT".equals(reply("telegram", Long.toString(chat)).get("state")));
        List<FakeTelegram.Attempt> attempts = TELEGRAM.attemptsTo(chat);
        // Then the rest of the reply's messages (where her case went, then the question of where she lives), once each.
        assertThat(attempts).extracting(FakeTelegram.Attempt::status).startsWith(502, FakeTelegram.TIMEOUT, 429, 200);
        assertThat(attempts.subList(3, attempts.size())).extracting(FakeTelegram.Attempt::status).containsOnly(200);
        // 2 s after the first failure, 4 s after the second (which itself waited for the timeout), then Telegram's 3 s.
        assertThat(gap(attempts.get(0).atMillis(), attempts.get(1).atMillis())).isGreaterThanOrEqualTo(2_000);
        assertThat(gap(attempts.get(1).atMillis(), attempts.get(2).atMillis())).isGreaterThanOrEqualTo(READ_TIMEOUT.toMillis() + 4_000);
        assertThat(gap(attempts.get(2).atMillis(), attempts.get(3).atMillis())).isGreaterThanOrEqualTo(3_000);
        assertThat(TELEGRAM.sentTo(chat)).hasSize(attempts.size() - 3);
        assertThat(reply("telegram", Long.toString(chat))).containsEntry("attempts", 4);
    }

    @Test
    void a_zalo_reply_through_a_5xx_and_a_timeout_is_delivered_once_after_growing_waits() throws Exception {
        String user = "7820000000000000001";
        ZALO.failSendsTo(user, 503, FakeZalo.TIMEOUT);
        zaloWrites(user, "trouble0001", "cho em hỏi khám thai ở đâu");

        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(reply("zalo", user).get("state")));
        List<FakeZalo.Attempt> attempts = ZALO.attemptsTo(user);
        assertThat(attempts).extracting(FakeZalo.Attempt::outcome).startsWith(503, FakeZalo.TIMEOUT, 0);
        assertThat(attempts.subList(2, attempts.size())).extracting(FakeZalo.Attempt::outcome).containsOnly(0);
        assertThat(gap(attempts.get(0).atMillis(), attempts.get(1).atMillis())).isGreaterThanOrEqualTo(2_000);
        assertThat(gap(attempts.get(1).atMillis(), attempts.get(2).atMillis())).isGreaterThanOrEqualTo(READ_TIMEOUT.toMillis() + 4_000);
        assertThat(ZALO.sentTo(user)).hasSize(attempts.size() - 2);
        assertThat(reply("zalo", user)).containsEntry("attempts", 3);
    }

    @Test
    void a_reply_telegram_never_takes_is_given_up_and_shown_to_officers_as_failed_with_the_reason() {
        long chat = 785_102;
        TELEGRAM.failSendsTo(chat, 502, 502, 502, 502, 502, 502, 502, 502, 502, 502);
        long caseId = telegramCase(chat, "Y Nga", "em cần người giúp đỡ");
        await().atMost(Duration.ofSeconds(30)).until(() -> !TELEGRAM.attemptsTo(chat).isEmpty());
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        // Meanwhile the officer sees it waiting, and why.
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/admin/cases/" + caseId).body().contains("Đang chờ gửi"));
        assertThat(admin.get("/admin/cases/" + caseId).body()).contains("telegram 502");

        // Hours of retries (2 s, 4 s ... 64 s apart) stand here as attempts already counted: the next is the last one.
        long replyId = ((Number) reply("telegram", Long.toString(chat)).get("id")).longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("update message set attempts = 7 where id = :id and state = 'QUEUED'")
                .param("id", replyId).update() == 1);

        await().atMost(Duration.ofSeconds(90)).until(() -> "FAILED".equals(reply("telegram", Long.toString(chat)).get("state")));
        String page = admin.get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Gửi không được").contains("Lý do:").contains("gave up after 8 attempts").contains("telegram 502");
        assertThat(TELEGRAM.sentTo(chat)).isEmpty();
    }

    private Map<String, Object> reply(String channel, String user) {
        return jdbc.sql("""
                        select m.id, m.state, m.attempts from message m join contact c on c.id = m.contact_id
                        where c.channel = :channel and c.channel_user_id = :user and m.direction = 'OUT'
                        order by m.id desc fetch first 1 rows only""")
                .param("channel", channel).param("user", user).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    private void zaloWrites(String user, String msgId, String text) throws Exception {
        String ts = FakeZalo.now();
        byte[] body = FakeZalo.userSendsText(user, msgId, text, ts).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/webhooks/zalo")))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", FakeZalo.signature(body, ts))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static long gap(long fromMillis, long toMillis) {
        return toMillis - fromMillis;
    }
}
