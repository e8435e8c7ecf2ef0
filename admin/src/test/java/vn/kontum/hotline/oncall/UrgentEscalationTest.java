package vn.kontum.hotline.oncall;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import vn.kontum.hotline.support.FakeTelegram;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Urgent alerts: to the officers on call (or, with nobody on call, every linked officer of the service point), then
 * again with the coordinators every 5 minutes until someone acknowledges, up to three reminders. Timing is driven by
 * calling the rounds with chosen times; the alerts' times are set days ahead so that the running sweeper (which
 * uses the real clock) leaves them alone.
 */
class UrgentEscalationTest extends HotlineIntegrationTest {

    private static final String ROTA_POINT = "dctc-ngo-may";
    private static final String NO_ROTA_POINT = "totk-kroong";
    private static final long CHAT_A = 760_201;
    private static final long CHAT_B = 760_202;
    private static final long CHAT_C = 760_203;
    private static final long CHAT_D = 760_204;
    private static final long CHAT_COORDINATOR = 760_205;
    private static final long CHAT_UNION = 760_206;

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
        officer("esc-a", "Chị A Trực", ROTA_POINT, CHAT_A);
        officer("esc-b", "Chị B Không Trực", ROTA_POINT, CHAT_B);
        officer("esc-c", "Chị C Kroong", NO_ROTA_POINT, CHAT_C);
        officer("esc-d", "Chị D Kroong", NO_ROTA_POINT, CHAT_D);
        officer("esc-union", "Chị Hội Trực", Officers.WOMENS_UNION, CHAT_UNION);
        if (id("esc-coordinator") == 0) {
            accounts.create("esc-coordinator", encoder.encode("pw-esc-coordinator"), "Anh Điều Phối", EnumSet.of(Role.COORDINATOR), Set.of());
        }
        link(id("esc-coordinator"), CHAT_COORDINATOR);
    }

    @Test
    void the_rota_is_alerted_first_then_again_with_the_coordinators_every_interval_up_to_the_limit() {
        OffsetDateTime t0 = daysAhead(10);
        long a = id("esc-a");
        jdbc.sql("""
                        insert into on_call_shift (service_point_id, account_id, from_date, to_date, created_by, created_at)
                        values (:sp, :a, :day, :day, :a, :now)""")
                .param("sp", ROTA_POINT).param("a", a).param("day", t0.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        long caseId = urgentCase(ROTA_POINT, t0);
        long alert = alertOf(caseId);

        rounds.runDue(t0.minusSeconds(1));
        assertThat(roundsOf(alert)).as("not due yet").isEmpty();
        rounds.runDue(t0);
        assertThat(recipients(alert, 0)).containsExactly(Map.entry(a, "ON_CALL"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_A, caseId).size() == 1);
        String text = alertsFor(CHAT_A, caseId).getFirst();
        assertThat(text).startsWith("[KHẨN] Trường hợp #" + caseId + " – Bạo lực").contains("/admin/cases/" + caseId);
        assertThat(TELEGRAM.buttonsSentTo(CHAT_A)).contains("ack:" + alert);
        assertThat(alertsFor(CHAT_B, caseId)).as("not on call").isEmpty();
        assertThat(alertsFor(CHAT_COORDINATOR, caseId)).as("not yet").isEmpty();

        rounds.runDue(t0.plusMinutes(5).minusSeconds(1));
        assertThat(roundsOf(alert)).hasSize(1);

        rounds.runDue(t0.plusMinutes(5));
        assertThat(recipients(alert, 1)).contains(Map.entry(a, "ON_CALL"), Map.entry(id("esc-coordinator"), "COORDINATOR"))
                .doesNotContainKey(id("esc-b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_COORDINATOR, caseId).size() == 1);
        assertThat(alertsFor(CHAT_COORDINATOR, caseId).getFirst()).startsWith("[KHẨN – nhắc lần 1] Chưa ai nhận trường hợp #" + caseId + " sau 5 phút");
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_A, caseId).size() == 2);

        rounds.runDue(t0.plusMinutes(10));
        rounds.runDue(t0.plusMinutes(15));
        rounds.runDue(t0.plusMinutes(20));
        rounds.runDue(t0.plusHours(2));
        assertThat(roundsOf(alert)).containsExactly(t0, t0.plusMinutes(5), t0.plusMinutes(10), t0.plusMinutes(15));
        assertThat(jdbc.sql("select next_round_at from urgent_alert where id = :id").param("id", alert).query(OffsetDateTime.class).optional())
                .as("no further round after the last reminder").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_COORDINATOR, caseId).size() == 3);
    }

    @Test
    void with_nobody_on_call_every_linked_officer_is_alerted_and_an_acknowledgement_on_telegram_stops_the_escalation() {
        OffsetDateTime t0 = daysAhead(20);
        long caseId = urgentCase(NO_ROTA_POINT, t0);
        long alert = alertOf(caseId);
        rounds.runDue(t0);
        assertThat(recipients(alert, 0)).containsOnly(Map.entry(id("esc-c"), "SERVICE_POINT"), Map.entry(id("esc-d"), "SERVICE_POINT"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_C, caseId).size() == 1 && alertsFor(CHAT_D, caseId).size() == 1);

        // Someone whose chat is not linked presses the button (a forwarded alert): refused, and no case for them.
        int answers = TELEGRAM.callbackAnswers().size();
        TELEGRAM.userPresses(760_299, "Lạ", "ack:" + alert);
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.callbackAnswers().size() > answers);
        assertThat(jdbc.sql("select acknowledged_at from urgent_alert where id = :id").param("id", alert).query(OffsetDateTime.class).optional()).isEmpty();

        TELEGRAM.userPresses(CHAT_C, "C", "ack:" + alert);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select acknowledged_by from urgent_alert where id = :id")
                .param("id", alert).query(Long.class).optional().isPresent());
        Map<String, Object> row = jdbc.sql("select acknowledged_by, acknowledged_via, next_round_at from urgent_alert where id = :id")
                .param("id", alert).query().singleRow();
        assertThat(row).containsEntry("acknowledged_by", id("esc-c")).containsEntry("acknowledged_via", "TELEGRAM");
        assertThat(row.get("next_round_at")).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.callbackAnswers().contains("Đã ghi nhận: bạn nhận trường hợp này. Cảm ơn bạn."));

        rounds.runDue(t0.plusMinutes(5));
        rounds.runDue(t0.plusMinutes(30));
        assertThat(roundsOf(alert)).hasSize(1);
        assertThat(alertsFor(CHAT_COORDINATOR, caseId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from contact where channel = 'telegram' and channel_user_id in ('760299', :c)")
                .param("c", Long.toString(CHAT_C)).query(Long.class).single()).as("button presses are not women's messages").isZero();
    }

    @Test
    void an_urgent_telegram_message_alerts_the_linked_officer_at_once_without_its_text_and_the_coordinator_after_the_interval() {
        long woman = 760_301;
        String words = "Chồng em đang cầm dao đánh em, cứu em với";
        long caseId = telegramCase(woman, "Hoa", words);
        long alert = alertOf(caseId);

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsFor(CHAT_UNION, caseId).size() == 1);
        String text = alertsFor(CHAT_UNION, caseId).getFirst();
        assertThat(text).contains("#" + caseId).contains("Bạo lực").contains("/admin/cases/" + caseId)
                .doesNotContain(words).doesNotContain("dao").doesNotContain("Hoa");
        assertThat(TELEGRAM.buttonsSentTo(CHAT_UNION)).contains("ack:" + alert);

        OffsetDateTime raised = jdbc.sql("select raised_at from urgent_alert where id = :id").param("id", alert).query(OffsetDateTime.class).single();
        OffsetDateTime reminder = jdbc.sql("select next_round_at from urgent_alert where id = :id").param("id", alert).query(OffsetDateTime.class).single();
        assertThat(Duration.between(raised, reminder)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(10));
        rounds.runDue(reminder.minusSeconds(1));
        assertThat(roundsOf(alert)).hasSize(1);
        rounds.runDue(reminder);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_COORDINATOR, caseId).size() == 1);
        assertThat(alertsFor(CHAT_COORDINATOR, caseId).getFirst()).doesNotContain(words).doesNotContain("Hoa");

        // The officer opens the case: acknowledged; the page shows the alert's times.
        String page = OfficerClient.loggedIn(url(""), "esc-union", "pw-esc-union").get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Báo khẩn").contains("Đã báo cán bộ trực").contains("Nhắc lần 1")
                .contains("Chị Hội Trực").contains("Anh Điều Phối").contains("Đã nhận: Chị Hội Trực (mở trang trường hợp)");
        assertThat(jdbc.sql("select acknowledged_via from urgent_alert where id = :id").param("id", alert).query(String.class).single())
                .isEqualTo("VIEW");
        rounds.runDue(reminder.plusMinutes(10));
        assertThat(roundsOf(alert)).hasSize(2);
    }

    @Test
    void opening_the_case_page_acknowledges_and_other_service_points_cannot() {
        OffsetDateTime t0 = daysAhead(30);
        long caseId = urgentCase(NO_ROTA_POINT, t0);
        long alert = alertOf(caseId);
        // A coordinator reads the case; the alert is acknowledged by the view; a second press is refused politely.
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "esc-coordinator", "pw-esc-coordinator");
        assertThat(coordinator.get("/admin/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select acknowledged_via from urgent_alert where id = :id").param("id", alert).query(String.class).single())
                .isEqualTo("VIEW");
        assertThat(coordinator.submit("/admin/cases/" + caseId + "/acknowledge", Map.of()).body())
                .contains("Không có báo khẩn nào đang chờ nhận.");
        // Another service point's officer may not acknowledge it: 404 as for everything about that case.
        OfficerClient other = OfficerClient.loggedIn(url(""), "esc-a", "pw-esc-a");
        assertThat(other.post("/admin/cases/" + caseId + "/acknowledge").statusCode()).isEqualTo(404);
    }

    @Test
    void an_alert_telegram_did_not_take_is_sent_again_after_a_backoff_and_its_time_recorded() {
        OffsetDateTime t0 = daysAhead(40);
        // Other tests' alerts, far behind t0, get their next round now rather than take the failure meant for this one.
        rounds.runDue(t0.minusSeconds(1));
        long caseId = urgentCase(NO_ROTA_POINT, t0);
        long alert = alertOf(caseId);
        // Only officer C's chat fails: a send to anyone else meanwhile (another test's leftovers) cannot take the failure.
        TELEGRAM.failSendsTo(CHAT_C, 502);
        rounds.runDue(t0);
        // The failed send may be made by the pass that the case's own commit started, on its thread: waited for.
        java.util.function.Supplier<List<Map<String, Object>>> queued = () -> jdbc.sql("""
                        select id, state, attempts, next_attempt_at, failure_reason from urgent_alert_send
                        where alert_id = :a and state = 'QUEUED'""").param("a", alert).query().listOfRows();
        // Until every send of the round was tried: the one to D leaves QUEUED once it is SENT, the failed one stays.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, Object>> rows = queued.get();
            return !rows.isEmpty() && rows.stream().allMatch(r -> ((Number) r.get("attempts")).intValue() > 0);
        });
        List<Map<String, Object>> failed = queued.get();
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst()).containsEntry("attempts", 1).containsEntry("failure_reason", "telegram 502");
        long retry = ((Number) failed.getFirst().get("id")).longValue();
        // The failed attempt may have been made by a pass on the real clock (the one the case's commit started, or the
        // sweeper's) instead of the test's at t0: the retry is due two seconds after the attempt, on whichever clock.
        OffsetDateTime tried = jdbc.sql("select claimed_at from urgent_alert_send where id = :id").param("id", retry)
                .query(OffsetDateTime.class).single();
        OffsetDateTime due = jdbc.sql("select next_attempt_at from urgent_alert_send where id = :id").param("id", retry)
                .query(OffsetDateTime.class).single();
        assertThat(Duration.between(tried, due)).isEqualTo(Duration.ofSeconds(2));

        rounds.sendDue(due.minusSeconds(1));
        assertThat(state(retry)).as("not before its backoff").isEqualTo("QUEUED");
        rounds.sendDue(due);
        assertThat(state(retry)).isEqualTo("SENT");
        assertThat(jdbc.sql("select sent_at from urgent_alert_send where id = :id").param("id", retry).query(OffsetDateTime.class).single()
                .toInstant()).isEqualTo(due.toInstant());
        assertThat(jdbc.sql("select count(*) from urgent_alert_send where alert_id = :a and state = 'SENT'").param("a", alert)
                .query(Long.class).single()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_C, caseId).size() == 1 && alertsFor(CHAT_D, caseId).size() == 1);
    }

    @Test
    void when_no_officer_of_a_round_can_be_reached_the_coordinators_are_alerted_at_once_not_after_the_interval() {
        OffsetDateTime t0 = daysAhead(50);
        rounds.runDue(t0.minusSeconds(1)); // other tests' alerts out of the way of the failures meant for this one
        long caseId = urgentCase(ROTA_POINT, t0); // nobody on call that day: both of its officers
        long alert = alertOf(caseId);
        TELEGRAM.failSendsTo(CHAT_A, 403); // both blocked the bot
        TELEGRAM.failSendsTo(CHAT_B, 403);

        rounds.runDue(t0);
        // Both sends failed; one of them may have been taken by the pass that the case's own commit started, on its
        // thread: waited for, not assumed done when runDue returns.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from urgent_alert_send where alert_id = :a and round_no = 0 and state = 'FAILED'")
                .param("a", alert).query(Long.class).single() == 2);
        rounds.runDue(t0.plusSeconds(10)); // the next sweep, minutes before the interval
        assertThat(recipients(alert, 1)).containsEntry(id("esc-coordinator"), "COORDINATOR");
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(CHAT_COORDINATOR, caseId).size() == 1);
        assertThat(roundsOf(alert)).containsExactly(t0, t0.plusSeconds(10));
    }

    private String state(long send) {
        return jdbc.sql("select state from urgent_alert_send where id = :id").param("id", send).query(String.class).single();
    }

    private void officer(String username, String name, String servicePoint, long chat) {
        Officers.ensure(accounts, encoder, jdbc, username, "pw-" + username, name, servicePoint);
        link(id(username), chat);
    }

    private void link(long account, long chat) {
        jdbc.sql("""
                        insert into officer_chat (account_id, channel, chat_id, linked_at)
                        select :a, 'telegram', :chat, :now from account where id = :a
                          and not exists (select 1 from officer_chat where account_id = :a)""")
                .param("a", account).param("chat", Long.toString(chat)).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        officerChats.linkedOutside();
    }

    private long id(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional().orElse(0L);
    }

    /** Each test's alerts far from the others', so that driving one test's rounds leaves the others' alone. */
    /**
     * Nine in the morning in Kon Tum, {@code days} from today: every round of a test falls on the same day of the rota
     * (from now, a run just before midnight saw the second round on the next day, with nobody on call).
     */
    private static OffsetDateTime daysAhead(int days) {
        ZoneId konTum = ZoneId.of("Asia/Ho_Chi_Minh");
        return java.time.LocalDate.now(konTum).plusDays(days).atTime(9, 0).atZone(konTum).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A case made urgent at {@code at}, announced as the case logic does, inside its transaction. */
    private long urgentCase(String servicePoint, OffsetDateTime at) {
        return tx.execute(status -> {
            jdbc.sql("insert into contact (channel, channel_user_id, created_at) values ('web', :u, :at)")
                    .param("u", "esc-" + UUID.randomUUID()).param("at", at).update();
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

    private Map<Long, String> recipients(long alert, int round) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select account_id, reason from urgent_alert_send where alert_id = :a and round_no = :r order by id")
                .param("a", alert).param("r", round).query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    private List<OffsetDateTime> roundsOf(long alert) {
        return jdbc.sql("select started_at from urgent_alert_round where alert_id = :a order by round_no").param("a", alert)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)).list();
    }

    private static List<String> alertsFor(long chat, long caseId) {
        return TELEGRAM.sentTo(chat).stream().map(FakeTelegram.Sent::text).filter(t -> t.contains("#" + caseId + " ")).toList();
    }
}
