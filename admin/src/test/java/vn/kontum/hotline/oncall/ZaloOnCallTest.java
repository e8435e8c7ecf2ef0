package vn.kontum.hotline.oncall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.cases.UrgentCaseRaised;
import vn.kontum.hotline.oncall.alert.AlertRounds;
import vn.kontum.hotline.oncall.link.OfficerChats;
import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Officers on Zalo: linking through the OA with the code from "Tài khoản của tôi", alerts on Zalo, acknowledging by
 * answering "nhận", and Zalo's refusal (-230, the 7-day window) shown on the case and leaving the escalation to go
 * on. Rounds are driven with chosen times, days ahead, as in {@link UrgentEscalationTest}. Nothing an officer
 * writes to the OA ever opens a case.
 */
class ZaloOnCallTest extends HotlineIntegrationTest {

    private static final Pattern CODE = Pattern.compile("/link ([A-Z0-9]{10})");
    private static final AtomicInteger MSG = new AtomicInteger();
    private static final String ACK_POINT = "totk-dak-ro-wa";
    private static final String FAIL_POINT = "totk-chu-hreng";
    private static final String ZALO_LINKER = "8100000000000000001";
    private static final String ZALO_ACK = "8100000000000000002";
    private static final String ZALO_FAIL = "8100000000000000003";
    private static final String ZALO_COORDINATOR = "8100000000000000004";

    @Autowired
    Accounts accounts;
    @Autowired
    OfficerChats officerChats;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AlertRounds rounds;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "zalo-linker", "pw-zalo-linker", "Chị Zalo Liên Kết", ACK_POINT);
        Officers.ensure(accounts, encoder, jdbc, "zalo-ack", "pw-zalo-ack", "Chị Zalo Nhận", ACK_POINT);
        Officers.ensure(accounts, encoder, jdbc, "zalo-fail", "pw-zalo-fail", "Chị Zalo Quá Hạn", FAIL_POINT);
        if (id("zalo-coordinator") == 0) {
            accounts.create("zalo-coordinator", encoder.encode("pw-zalo-coordinator"), "Anh Điều Phối Zalo",
                    EnumSet.of(Role.COORDINATOR), Set.of());
        }
        link(id("zalo-ack"), ZALO_ACK);
        link(id("zalo-fail"), ZALO_FAIL);
        link(id("zalo-coordinator"), ZALO_COORDINATOR);
    }

    @Test
    void an_officer_links_her_zalo_by_writing_the_code_to_the_oa_and_never_becomes_a_case() throws Exception {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "zalo-linker", "pw-zalo-linker");
        assertThat(officer.get("/admin/me").body()).contains("Liên kết Zalo").contains("Chưa liên kết Zalo.");
        String page = officer.submit("/admin/me/link-code", Map.of()).body();
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as("the page shows the code once").isTrue();
        assertThat(page).contains("Với Zalo: mở Zalo, tìm OA của đường dây nóng");

        // Typed on a phone: no slash, a capital letter, the code in lower case.
        writes(ZALO_LINKER, "Link " + m.group(1).toLowerCase());

        await().atMost(Duration.ofSeconds(20)).until(() -> !ZALO.sentTo(ZALO_LINKER).isEmpty());
        assertThat(ZALO.sentTo(ZALO_LINKER).getFirst().text()).startsWith("Đã liên kết tài khoản zalo-linker với Zalo này")
                .contains("7 ngày");
        assertThat(jdbc.sql("""
                        select o.chat_id from officer_chat o join account a on a.id = o.account_id
                        where a.username = 'zalo-linker' and o.channel = 'zalo'""").query(String.class).single())
                .isEqualTo(ZALO_LINKER);
        assertNoCase(ZALO_LINKER);
        String me = officer.get("/admin/me").body();
        assertThat(me).contains("Đã liên kết Zalo lúc").contains("Tin nhắn gần nhất của bạn gửi OA:")
                .doesNotContain("Đã hơn 7 ngày bạn chưa nhắn cho OA");

        // Eight days without a message to the OA: the page warns; her next message, whatever it says, clears it.
        jdbc.sql("update officer_chat set linked_at = linked_at - interval '8' day, last_message_at = last_message_at - interval '8' day"
                + " where chat_id = :u and channel = 'zalo'").param("u", ZALO_LINKER).update();
        assertThat(officer.get("/admin/me").body()).contains("Đã hơn 7 ngày bạn chưa nhắn cho OA");
        writes(ZALO_LINKER, "em chào anh chị, hôm nay trời mưa");
        await().atMost(Duration.ofSeconds(20)).until(() -> ZALO.sentTo(ZALO_LINKER).size() == 2);
        assertThat(ZALO.sentTo(ZALO_LINKER).get(1).text()).startsWith("Đây là Zalo cán bộ");
        assertThat(officer.get("/admin/me").body()).doesNotContain("Đã hơn 7 ngày bạn chưa nhắn cho OA");
        assertNoCase(ZALO_LINKER);

        // The code is single use: someone else sending it is refused, with no case either.
        String other = "8100000000000000009";
        writes(other, "/LINK " + m.group(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> !ZALO.sentTo(other).isEmpty());
        assertThat(ZALO.sentTo(other).getFirst().text()).startsWith("Mã liên kết không đúng hoặc đã hết hạn");
        assertNoCase(other);

        // A woman's "link" about something else is hers: it reaches the hotline as any message.
        String woman = "8100000000000000010";
        String msgId = writes(woman, "link trang web của xã bị hỏng, em muốn hỏi về vay vốn");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from message where inbound_key = :k")
                .param("k", "zalo:" + msgId).query(Long.class).single() == 1);
    }

    @Test
    void an_urgent_case_alerts_the_officer_on_zalo_and_her_nhan_acknowledges_it_so_nobody_else_is_alerted() throws Exception {
        OffsetDateTime t0 = daysAhead(50);
        long caseId = urgentCase(ACK_POINT, t0);
        long alert = alertOf(caseId);
        rounds.runDue(t0);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(ZALO_ACK, caseId).size() == 1);
        assertThat(alertsFor(ZALO_ACK, caseId).getFirst()).startsWith("[KHẨN] Trường hợp #" + caseId + " – Bạo lực")
                .contains("/admin/cases/" + caseId).contains("trả lời \"nhận\" (hoặc \"" + caseId + "\")");

        // Someone who is not a linked officer writes "nhận": her message, not an acknowledgement.
        String stranger = "8100000000000000011";
        String strangers = writes(stranger, "nhận");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from message where inbound_key = :k")
                .param("k", "zalo:" + strangers).query(Long.class).single() == 1);
        assertThat(acknowledgedBy(alert)).isNull();

        int before = ZALO.sentTo(ZALO_ACK).size();
        writes(ZALO_ACK, "Nhận!");
        await().atMost(Duration.ofSeconds(20)).until(() -> ZALO.sentTo(ZALO_ACK).size() > before);
        assertThat(ZALO.sentTo(ZALO_ACK).getLast().text()).isEqualTo("Đã ghi nhận: bạn nhận trường hợp #" + caseId + ". Cảm ơn bạn.");
        Map<String, Object> row = jdbc.sql("select acknowledged_by, acknowledged_via, next_round_at from urgent_alert where id = :id")
                .param("id", alert).query().singleRow();
        assertThat(row).containsEntry("acknowledged_by", id("zalo-ack")).containsEntry("acknowledged_via", "ZALO");
        assertThat(row.get("next_round_at")).isNull();
        assertNoCase(ZALO_ACK);

        // No reminder, no coordinator, however late.
        rounds.runDue(t0.plusMinutes(5));
        rounds.runDue(t0.plusMinutes(30));
        assertThat(jdbc.sql("select count(*) from urgent_alert_round where alert_id = :a").param("a", alert).query(Long.class).single())
                .isEqualTo(1);
        assertThat(alertsFor(ZALO_COORDINATOR, caseId)).isEmpty();
        assertThat(alertsFor(ZALO_ACK, caseId)).hasSize(1);

        // The case page tells who took it, how, and that the alert went by Zalo.
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "zalo-coordinator", "pw-zalo-coordinator");
        String page = coordinator.get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Đã báo cán bộ trực").contains("Chị Zalo Nhận").contains("Zalo")
                .contains("Đã nhận: Chị Zalo Nhận (trả lời").contains("trên Zalo)");

        // A second "ok": nothing is waiting any more, and the officer is told so.
        int after = ZALO.sentTo(ZALO_ACK).size();
        writes(ZALO_ACK, "ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> ZALO.sentTo(ZALO_ACK).size() > after);
        assertThat(ZALO.sentTo(ZALO_ACK).getLast().text()).startsWith("Trường hợp #" + caseId + " đã có người nhận.");
        assertNoCase(ZALO_ACK);
    }

    @Test
    void zalo_refusing_the_officer_for_the_7_day_window_is_shown_on_the_case_and_the_coordinator_is_alerted_next() {
        OffsetDateTime t0 = daysAhead(60);
        long caseId = urgentCase(FAIL_POINT, t0);
        long alert = alertOf(caseId);
        ZALO.refuse(ZALO_FAIL, -230); // she has not written to the OA for more than 7 days
        try {
            rounds.runDue(t0);
            // The send may have been taken by the pass that the case's own commit started, on its thread: waited for,
            // not assumed done when runDue returns.
            await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(jdbc.sql("""
                            select state from urgent_alert_send where alert_id = :a and round_no = 0 and account_id = :o""")
                    .param("a", alert).param("o", id("zalo-fail")).query(String.class).optional().orElse("")));
            Map<String, Object> failed = jdbc.sql("""
                            select state, failure_reason from urgent_alert_send where alert_id = :a and round_no = 0 and account_id = :o""")
                    .param("a", alert).param("o", id("zalo-fail")).query().singleRow();
            assertThat(failed).containsEntry("state", "FAILED");
            assertThat((String) failed.get("failure_reason")).startsWith("zalo -230").contains("7 days");

            rounds.runDue(t0.plusMinutes(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(ZALO_COORDINATOR, caseId).size() == 1);
            assertThat(alertsFor(ZALO_COORDINATOR, caseId).getFirst())
                    .startsWith("[KHẨN – nhắc lần 1] Chưa ai nhận trường hợp #" + caseId + " sau 5 phút");
            assertThat(jdbc.sql("select reason from urgent_alert_send where alert_id = :a and round_no = 1 and account_id = :c")
                    .param("a", alert).param("c", id("zalo-coordinator")).query(String.class).single()).isEqualTo("COORDINATOR");
            assertThat(alertsFor(ZALO_FAIL, caseId)).as("Zalo took none of hers").isEmpty();
        } finally {
            ZALO.accept(ZALO_FAIL);
        }

        // The case's page shows the failed send, with Zalo's reason, in the round it belonged to.
        String page = OfficerClient.loggedIn(url(""), "zalo-coordinator", "pw-zalo-coordinator").get("/admin/cases/" + caseId).body();
        String firstRound = page.substring(page.indexOf("Đã báo cán bộ trực"), page.indexOf("Nhắc lần 1"));
        assertThat(firstRound).contains("Chị Zalo Quá Hạn").contains("Gửi không được")
                .contains("Lý do: zalo -230: the user has not written to the OA in the last 7 days");
        assertThat(page.substring(page.indexOf("Nhắc lần 1"))).contains("Anh Điều Phối Zalo").contains("Đã gửi");
    }

    // --- helpers ---

    /** The officer writes to the OA from her Zalo: a signed webhook event; returns its msg_id. */
    private String writes(String userId, String text) throws Exception {
        String msgId = "zoc" + MSG.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String ts = FakeZalo.now();
        byte[] body = FakeZalo.userSendsText(userId, msgId, text, ts).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/webhooks/zalo")))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", FakeZalo.signature(body, ts))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return msgId;
    }

    private void assertNoCase(String userId) {
        assertThat(jdbc.sql("select count(*) from contact where channel = 'zalo' and channel_user_id = :u")
                .param("u", userId).query(Long.class).single()).as("no contact, so no message and no case").isZero();
        assertThat(jdbc.sql("select count(*) from message m join contact c on c.id = m.contact_id where c.channel_user_id = :u")
                .param("u", userId).query(Long.class).single()).isZero();
    }

    private void link(long account, String zaloUser) {
        jdbc.sql("""
                        insert into officer_chat (account_id, channel, chat_id, linked_at, last_message_at)
                        select :a, 'zalo', :chat, :now, :now from account where id = :a
                          and not exists (select 1 from officer_chat where account_id = :a and channel = 'zalo')""")
                .param("a", account).param("chat", zaloUser).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        officerChats.linkedOutside();
    }

    private long id(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional().orElse(0L);
    }

    private Long acknowledgedBy(long alert) {
        return jdbc.sql("select acknowledged_by from urgent_alert where id = :id").param("id", alert).query(Long.class).optional().orElse(null);
    }

    private static OffsetDateTime daysAhead(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A case made urgent at {@code at}, announced as the case logic does, inside its transaction. */
    private long urgentCase(String servicePoint, OffsetDateTime at) {
        return tx.execute(status -> {
            jdbc.sql("insert into contact (channel, channel_user_id, created_at) values ('web', :u, :at)")
                    .param("u", "zoc-" + UUID.randomUUID()).param("at", at).update();
            long contact = jdbc.sql("select max(id) from contact").query(Long.class).single();
            jdbc.sql("""
                            insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                                   opened_at, updated_at)
                            values (:c, 'web', 'violence', 'URGENT', 'NEW', :sp, 'test', :at, :at)""")
                    .param("c", contact).param("sp", servicePoint).param("at", at).update();
            long caseId = jdbc.sql("select max(id) from help_case where contact_id = :c").param("c", contact).query(Long.class).single();
            events.publishEvent(new UrgentCaseRaised(caseId, servicePoint, "violence", at));
            return caseId;
        });
    }

    private long alertOf(long caseId) {
        return jdbc.sql("select id from urgent_alert where case_id = :c").param("c", caseId).query(Long.class).single();
    }

    private static List<String> alertsFor(String zaloUser, long caseId) {
        return ZALO.sentTo(zaloUser).stream().map(FakeZalo.Sent::text).filter(t -> t.contains("#" + caseId + " ")).toList();
    }
}
