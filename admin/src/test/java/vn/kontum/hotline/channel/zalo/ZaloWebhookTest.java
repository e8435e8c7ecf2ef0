package vn.kontum.hotline.channel.zalo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Zalo's webhook: what a signed event does, and that nothing unsigned, malformed or replayed is stored. */
class ZaloWebhookTest extends HotlineIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.kontum.hotline.secrets.ContentCipher content;


    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/webhooks/zalo")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (signature != null) {
            request.header("X-ZEvent-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(String body, String timestamp) throws Exception {
        return post(body, FakeZalo.signature(body.getBytes(StandardCharsets.UTF_8), timestamp));
    }

    private long storedWithId(String msgId) {
        return jdbc.sql("select count(*) from message where inbound_key = :k").param("k", "zalo:" + msgId).query(Long.class).single();
    }

    private long contacts(String userId) {
        return jdbc.sql("select count(*) from contact where channel = 'zalo' and channel_user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    @Test
    void a_signed_text_is_answered_through_the_oa_api_with_the_access_token_header() throws Exception {
        String user = "2468458835296117922";
        String ts = FakeZalo.now();
        String body = FakeZalo.userSendsText(user, "96d3cdf3af1504609091", "Chồng em đang cầm dao đánh em, cứu em với", ts);

        assertThat(postSigned(body, ts).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !ZALO.sentTo(user).isEmpty());
        FakeZalo.Sent reply = ZALO.sentTo(user).getFirst();
        assertThat(reply.text()).startsWith("Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay: 113 (Công an), 111")
                .contains("Hội Liên hiệp Phụ nữ thành phố Kon Tum");
        assertThat(reply.accessToken()).isEqualTo(ZALO.validAccessToken());
        Map<String, Object> stored = jdbc.sql("""
                        select m.body, m.category, m.urgent, c.channel from message m join help_case c on c.id = m.case_id
                        where m.inbound_key = :k""").param("k", "zalo:96d3cdf3af1504609091").query().singleRow();
        assertThat(content.open((String) stored.get("body"))).isEqualTo("Chồng em đang cầm dao đánh em, cứu em với");
        assertThat(stored).containsEntry("category", "violence")
                .containsEntry("urgent", true).containsEntry("channel", "zalo");
    }

    @Test
    void an_event_zalo_sends_twice_is_stored_and_answered_once() throws Exception {
        String user = "2468458835296110001";
        String ts = FakeZalo.now();
        String body = FakeZalo.userSendsText(user, "a1b2c3d4e5f60001", "cho em hỏi vay vốn ngân hàng chính sách cần giấy tờ gì", ts);

        assertThat(postSigned(body, ts).statusCode()).isEqualTo(200);
        assertThat(postSigned(body, ts).statusCode()).isEqualTo(200);

        int answered = zaloAnswered(user).size();
        Thread.sleep(2_000);
        assertThat(ZALO.sentTo(user)).hasSize(answered);
        assertThat(storedWithId("a1b2c3d4e5f60001")).isEqualTo(1);
    }

    static Stream<Arguments> attachments() {
        return Stream.of(
                Arguments.of("image", "{\"thumbnail\":\"https://photo-stal-9.zadn.vn/thumb.jpg\",\"url\":\"https://photo-stal-9.zadn.vn/full.jpg\"}",
                        "https://photo-stal-9.zadn.vn/full.jpg"),
                Arguments.of("file", "{\"url\":\"https://f21-zpc.zdn.vn/giay-to.docx\",\"size\":\"7205\",\"name\":\"giay-to.docx\","
                        + "\"checksum\":\"dcbd5b6c\",\"type\":\"docx\"}", "https://f21-zpc.zdn.vn/giay-to.docx"),
                Arguments.of("audio", "{\"url\":\"https://voice-aac-dl.zdn.vn/ghi-am.aac\"}", "https://voice-aac-dl.zdn.vn/ghi-am.aac"),
                Arguments.of("video", "{\"thumbnail\":\"https://video-dl.zdn.vn/t.jpg\",\"description\":\"\",\"url\":\"https://video-dl.zdn.vn/v.mp4\"}",
                        "https://video-dl.zdn.vn/v.mp4"),
                Arguments.of("sticker", "{\"id\":\"bfe458bf64fa8da4d4eb\",\"url\":\"https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991\"}",
                        "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991"),
                Arguments.of("gif", "{\"thumbnail\":\"https://g.zdn.vn/t.gif\",\"url\":\"https://g.zdn.vn/g.gif\"}", "https://g.zdn.vn/g.gif"),
                Arguments.of("link", "{\"thumbnail\":\"https://l.zdn.vn/t.jpg\",\"description\":\"Tuyển lao động\",\"url\":\"https://viec-lam.example/tuyen\"}",
                        "https://viec-lam.example/tuyen"),
                Arguments.of("location", "{\"coordinates\":{\"latitude\":\"14.3545\",\"longitude\":\"108.0076\"}}", "14.3545,108.0076"));
    }

    @ParameterizedTest(name = "user_send_{0}")
    @MethodSource("attachments")
    void an_attachment_is_kept_as_its_type_and_link_or_place(String kind, String payload, String ref) throws Exception {
        String user = "30000000000000" + Math.abs(kind.hashCode() % 100000);
        String msgId = "att" + kind + System.nanoTime();
        String ts = FakeZalo.now();

        assertThat(postSigned(FakeZalo.userSendsAttachment(kind, user, msgId, "", payload, ts), ts).statusCode()).isEqualTo(200);

        Map<String, Object> stored = jdbc.sql("select body, attachment_type, attachment_ref from message where inbound_key = :k")
                .param("k", "zalo:" + msgId).query().singleRow();
        assertThat(stored).containsEntry("attachment_type", kind).containsEntry("attachment_ref", ref);
        assertThat(content.open((String) stored.get("body"))).isEmpty();
    }

    @Test
    void follow_and_unfollow_are_recorded_on_the_contact_without_a_reply() throws Exception {
        String user = "4000000000000000001";
        String ts = FakeZalo.now();
        assertThat(postSigned(FakeZalo.follow("follow", user, ts), ts).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select following from contact where channel = 'zalo' and channel_user_id = :u").param("u", user)
                .query(Boolean.class).single()).isTrue();

        String later = FakeZalo.now();
        assertThat(postSigned(FakeZalo.follow("unfollow", user, later), later).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select following from contact where channel = 'zalo' and channel_user_id = :u").param("u", user)
                .query(Boolean.class).single()).isFalse();
        Thread.sleep(1_000);
        assertThat(ZALO.sentTo(user)).isEmpty();
    }

    @Test
    void an_echo_of_the_oas_own_send_is_never_answered() throws Exception {
        String user = "4000000000000000002";
        String ts = FakeZalo.now();
        assertThat(postSigned(FakeZalo.oaSendsText(user, "echo0001", "Chúng tôi đã nhận được tin nhắn của bạn.", ts), ts).statusCode())
                .isEqualTo(200);
        Thread.sleep(1_000);
        assertThat(storedWithId("echo0001")).isZero();
        assertThat(contacts(user)).isZero();
        assertThat(ZALO.sentTo(user)).isEmpty();
    }

    @Test
    void a_wrong_signature_is_refused_with_401_and_nothing_is_stored() throws Exception {
        String user = "5000000000000000001";
        String ts = FakeZalo.now();
        String body = FakeZalo.userSendsText(user, "forged0001", "tin giả", ts);
        String forged = FakeZalo.signature(FakeZalo.userSendsText(user, "forged0001", "tin khác", ts).getBytes(StandardCharsets.UTF_8), ts);

        assertThat(post(body, forged).statusCode()).isEqualTo(401);
        assertThat(post(body, "mac=not-hex").statusCode()).isEqualTo(401);
        assertThat(post(body, forged.substring(4)).statusCode()).isEqualTo(401);
        assertThat(storedWithId("forged0001")).isZero();
        assertThat(contacts(user)).isZero();
    }

    @Test
    void a_call_without_signature_is_refused_with_401() throws Exception {
        String ts = FakeZalo.now();
        HttpResponse<String> response = post(FakeZalo.userSendsText("5000000000000000002", "nosig0001", "xin chào", ts), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        assertThat(storedWithId("nosig0001")).isZero();
    }

    @Test
    void malformed_json_is_refused_with_400() throws Exception {
        String body = "{\"event_name\":\"user_send_text\",\"message\":{\"msg_id\":\"broken0001\"";
        HttpResponse<String> response = post(body, FakeZalo.signature(body.getBytes(StandardCharsets.UTF_8), ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"malformed\"");
        assertThat(storedWithId("broken0001")).isZero();
    }

    @Test
    void an_unknown_event_is_answered_200_and_nothing_is_stored() throws Exception {
        String user = "5000000000000000003";
        String ts = FakeZalo.now();
        String body = """
                {"app_id":"%s","user_id_by_app":"552177279717587730","event_name":"user_click_chatnow","oa_id":"%s",\
                "user_id":"%s","timestamp":"%s"}""".formatted(FakeZalo.APP_ID, FakeZalo.OA_ID, user, ts);
        assertThat(postSigned(body, ts).statusCode()).isEqualTo(200);
        assertThat(contacts(user)).isZero();
    }

    @Test
    void a_replayed_old_event_is_ignored_even_with_a_valid_signature() throws Exception {
        String user = "5000000000000000004";
        String old = Long.toString(System.currentTimeMillis() - Duration.ofMinutes(11).toMillis());
        assertThat(postSigned(FakeZalo.userSendsText(user, "replay0001", "em bị đánh", old), old).statusCode()).isEqualTo(200);
        Thread.sleep(500);
        assertThat(storedWithId("replay0001")).isZero();
        assertThat(contacts(user)).isZero();
    }

    @Test
    void a_body_over_256_kb_is_refused_with_413() throws Exception {
        char[] filler = new char[300 * 1024];
        Arrays.fill(filler, 'a');
        String ts = FakeZalo.now();
        String body = FakeZalo.userSendsText("5000000000000000005", "huge0001", new String(filler), ts);
        assertThat(postSigned(body, ts).statusCode()).isEqualTo(413);
        assertThat(storedWithId("huge0001")).isZero();
    }
}
