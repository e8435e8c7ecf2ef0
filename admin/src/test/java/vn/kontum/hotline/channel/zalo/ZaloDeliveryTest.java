package vn.kontum.hotline.channel.zalo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.secrets.SecretCipher;
import vn.kontum.hotline.support.CountingDataSource;
import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replies on Zalo: tokens refreshed once and stored first, Zalo's errors, long replies in parts, delivery reports. */
class ZaloDeliveryTest extends HotlineIntegrationTest {

    @Autowired
    ZaloTokens tokens;
    @Autowired
    ZaloSettings settings;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    SecretCipher zaloSecretCipher;
    @Autowired
    OkHttpClient zaloHttp;
    @Autowired
    Contacts contacts;
    @Autowired
    Outbox outbox;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void calm() {
        ZALO.onSend(token -> { });
        ZALO.slowRefreshes(0);
    }

    private void userWrites(String user, String msgId, String text) throws Exception {
        String ts = FakeZalo.now();
        byte[] body = FakeZalo.userSendsText(user, msgId, text, ts).getBytes(StandardCharsets.UTF_8);
        post(body, FakeZalo.signature(body, ts));
    }

    private void post(byte[] body, String signature) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/webhooks/zalo")))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private Map<String, Object> reply(String user) {
        return jdbc.sql("""
                        select m.id, m.state, m.attempts, m.failure_reason from message m join contact c on c.id = m.contact_id
                        where c.channel = 'zalo' and c.channel_user_id = :u and m.direction = 'OUT' order by m.id desc
                        fetch first 1 rows only""").param("u", user).query().singleRow();
    }

    private String replyState(String user) {
        return jdbc.sql("""
                        select m.state from message m join contact c on c.id = m.contact_id
                        where c.channel = 'zalo' and c.channel_user_id = :u and m.direction = 'OUT' order by m.id desc
                        fetch first 1 rows only""").param("u", user).query(String.class).optional().orElse("");
    }

    @Test
    void an_expired_token_is_refreshed_once_the_new_refresh_token_stored_before_use_and_the_reply_sent() throws Exception {
        String user = "6000000000000000001";
        tokens.current(); // the first tokens are in the database
        int refreshesBefore = ZALO.refreshCalls();
        ZALO.expireAccessToken();
        List<String> storedRefreshTokenWhenUsed = new CopyOnWriteArrayList<>();
        ZALO.onSend(token -> storedRefreshTokenWhenUsed.add(tokens.current().refreshToken()));

        userWrites(user, "exp0001", "alo có ai không");

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(replyState(user)));
        assertThat(ZALO.refreshCalls()).isEqualTo(refreshesBefore + 1);
        assertThat(ZALO.sentTo(user).getFirst().accessToken()).isEqualTo(ZALO.validAccessToken());
        // The single-use refresh token Zalo just issued was in the database before its access token was first used.
        assertThat(storedRefreshTokenWhenUsed.getFirst()).isEqualTo(ZALO.validRefreshToken());
        assertThat(reply(user)).containsEntry("state", "SENT").containsEntry("attempts", 1);
        // Stored encrypted: neither token appears in the row.
        Map<String, Object> row = jdbc.sql("select access_token, refresh_token from zalo_token").query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:")
                .doesNotContain(ZALO.validAccessToken()).doesNotContain(ZALO.validRefreshToken()));
    }

    @Test
    void sends_read_the_token_from_the_database_once_in_a_while_not_each_time_and_see_another_nodes_refresh_within_seconds() {
        tokens.current(); // the first tokens are in the database
        CountingDataSource counting = new CountingDataSource(dataSource);
        ZaloTokens here = new ZaloTokens(settings, JdbcClient.create(counting), redis, zaloSecretCipher, zaloHttp,
                JsonMapper.builder().build(), Clock.systemUTC());
        String first = here.accessToken();
        counting.reset();

        for (int i = 0; i < 500; i++) {
            assertThat(here.accessToken()).isEqualTo(first);
        }
        // (one read again, should the 500 take longer than the 5 seconds a token is kept)
        assertThat(counting.connections()).as("database connections for 500 more sends").isLessThanOrEqualTo(1);

        String refreshedElsewhere = tokens.refresh(first); // another node's refresh
        assertThat(refreshedElsewhere).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> here.accessToken().equals(refreshedElsewhere));
    }

    @Test
    void two_refreshers_racing_make_exactly_one_refresh_call_and_both_get_the_new_token() throws Exception {
        ZaloTokens other = new ZaloTokens(settings, jdbc, redis, zaloSecretCipher, zaloHttp, JsonMapper.builder().build(),
                Clock.systemUTC());
        String stale = tokens.current().accessToken();
        ZALO.expireAccessToken();
        ZALO.slowRefreshes(700);
        int before = ZALO.refreshCalls();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return tokens.refresh(stale);
        });
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return other.refresh(stale);
        });
        start.countDown();

        assertThat(a.get()).isEqualTo(ZALO.validAccessToken());
        assertThat(b.get()).isEqualTo(ZALO.validAccessToken());
        assertThat(ZALO.refreshCalls()).isEqualTo(before + 1);
        assertThat(tokens.current().refreshToken()).isEqualTo(ZALO.validRefreshToken());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_user_silent_for_7_days_leaves_the_reply_failed_with_the_reason_for_officers() throws Exception {
        String user = "6000000000000000002";
        ZALO.failNextSends(-230);
        userWrites(user, "silent0001", "cảm ơn chị nhiều");

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(replyState(user)));
        assertThat((String) reply(user).get("failure_reason")).contains("-230").contains("7 days");
        assertThat(ZALO.sentTo(user)).isEmpty();
    }

    @Test
    void a_rate_limited_reply_is_sent_on_a_later_attempt() throws Exception {
        String user = "6000000000000000003";
        ZALO.failNextSends(-32);
        userWrites(user, "rate0001", "alo cho em hỏi");

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(replyState(user)));
        assertThat(reply(user)).containsEntry("attempts", 2);
        assertThat(ZALO.sentTo(user)).hasSize(1);
    }

    @Test
    void a_4500_character_reply_goes_as_3_messages_in_order_then_delivered_then_seen() throws Exception {
        String user = "6000000000000000004";
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 4_500; i++) {
            text.append("Điều ").append(i).append(": chị hãy giữ số điện thoại của trạm y tế xã và của chi hội phụ nữ thôn. ");
        }
        String reply = text.substring(0, text.lastIndexOf(" ", 4_500)).strip();
        assertThat(reply.length()).isBetween(4_400, 4_500);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long contact = contacts.idFor(Channel.ZALO, user, null, now);
        long id = outbox.queue(Channel.ZALO, contact, null, reply, null, null, now);
        outbox.dispatch(List.of(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> ZALO.sentTo(user).size() == 3 && "SENT".equals(replyState(user)));
        List<FakeZalo.Sent> parts = ZALO.sentTo(user);
        assertThat(parts).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(2_000));
        assertThat(parts.getFirst().text()).startsWith("Điều 1:");
        assertThat(parts.subList(0, 2)).allSatisfy(p -> assertThat(p.text()).endsWith("thôn.")); // cut between sentences
        assertThat(String.join(" ", parts.stream().map(FakeZalo.Sent::text).toList())).isEqualTo(reply);

        String ts = FakeZalo.now();
        byte[] received = FakeZalo.report("user_received_message", user, List.of(parts.get(0).messageId(), parts.get(1).messageId()), ts)
                .getBytes(StandardCharsets.UTF_8);
        post(received, FakeZalo.signature(received, ts));
        assertThat(replyState(user)).isEqualTo("DELIVERED");

        String later = FakeZalo.now();
        byte[] seen = FakeZalo.report("user_seen_message", user, List.of(parts.get(2).messageId()), later).getBytes(StandardCharsets.UTF_8);
        post(seen, FakeZalo.signature(seen, later));
        assertThat(replyState(user)).isEqualTo("SEEN");

        // A late delivery report does not take it back.
        post(received, FakeZalo.signature(received, ts));
        assertThat(replyState(user)).isEqualTo("SEEN");
        assertThat(jdbc.sql("select count(*) from message_part where message_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(3);
    }
}
