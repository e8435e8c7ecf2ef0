package vn.kontum.hotline.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.FakeTelegram;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One case's page and every action on it, for its own officer, another service point's officer and a coordinator. */
class ConsoleCaseTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "case-union", "pw-case-union", "Chị Y Union", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "case-health", "pw-case-health", "Chị Y Tế", Officers.HEALTH_CENTRE);
    }

    private OfficerClient union() {
        return OfficerClient.loggedIn(url(""), "case-union", "pw-case-union");
    }

    private OfficerClient health() {
        return OfficerClient.loggedIn(url(""), "case-health", "pw-case-health");
    }

    @Test
    void the_conversation_shows_each_message_with_time_channel_classification_and_delivery_state() {
        long chat = 720_001;
        long caseId = telegramCase(chat, "Hoa", "chồng em hay đánh em khi say rượu, em phải làm sao");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(jdbc.sql(
                "select state from message where case_id = :c and direction = 'OUT'").param("c", caseId).query(String.class).single()));
        jdbc.sql("""
                        insert into message (direction, channel, contact_id, case_id, attachment_type, state, created_at)
                        select 'IN', 'telegram', contact_id, id, 'image', 'PROCESSED', opened_at from help_case where id = :c""")
                .param("c", caseId).update();

        String page = union().get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Trường hợp #" + caseId).contains("chồng em hay đánh em khi say rượu, em phải làm sao")
                .contains("Người dân").contains("Trả lời tự động").contains("Telegram").containsPattern("Phân loại: Bạo lực \\(\\d+%\\)")
                .contains("Đã gửi").contains("[Ảnh]").contains("Hoa").containsPattern("<time datetime=\"[0-9T:.\\-]+Z\">\\d\\d/\\d\\d \\d\\d:\\d\\d</time>")
                .contains("<label for=\"reply-text\">Tin trả lời (gửi qua Telegram)</label>");
        assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100_000);
        assertThat(jdbc.sql("select count(*) from case_audit where case_id = :c and action_type = 'VIEW'").param("c", caseId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_officers_reply_goes_to_the_womans_telegram_chat_and_puts_the_case_in_progress() {
        long chat = 720_002;
        long caseId = telegramCase(chat, "Lan", "chồng em say rượu về là chửi mắng đánh đập em");
        int first = telegramAnswered(chat).size();

        OfficerClient officer = union();
        HttpResponse<String> answer = officer.post("/admin/cases/" + caseId + "/reply", Map.of("text", "Chị Lan ơi, chị đang ở thôn nào? Chị có an toàn không?"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/cases/" + caseId));

        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);
        assertThat(TELEGRAM.sentTo(chat).get(first).text()).isEqualTo("Chị Lan ơi, chị đang ở thôn nào? Chị có an toàn không?");
        Map<String, Object> c = jdbc.sql("select status, first_reply_at, assigned_officer_id from help_case where id = :c").param("c", caseId)
                .query().singleRow();
        assertThat(c.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(c.get("first_reply_at")).isNotNull();
        assertThat(c.get("assigned_officer_id")).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> officer.get("/admin/cases/" + caseId).body().contains("Chị Y Union"));
        String page = officer.get("/admin/cases/" + caseId).body();
        assertThat(page).contains("Chị Lan ơi, chị đang ở thôn nào?").contains("Đang xử lý");
        assertThat(officer.htmx("/admin/cases/" + caseId + "/thread").body()).startsWith("<section id=\"thread\"")
                .contains("Chị Lan ơi, chị đang ở thôn nào?").contains("Đã gửi");
        assertThat(auditDetails(caseId)).anySatisfy(d -> assertThat(d).startsWith("REPLY message "))
                .noneSatisfy(d -> assertThat(d).contains("Chị Lan"));
    }

    @Test
    void a_reply_the_channel_refuses_shows_as_failed_with_the_reason() {
        long chat = 720_003;
        long caseId = telegramCase(chat, "Nhung", "em bị chồng đánh, em phải làm sao");
        telegramAnswered(chat);
        TELEGRAM.failSendsTo(chat, 403); // this chat only: another test's send meanwhile cannot take the failure
        OfficerClient officer = union();
        officer.post("/admin/cases/" + caseId + "/reply", Map.of("text", "Chị ơi?"));
        await().atMost(Duration.ofSeconds(20)).until(() -> officer.get("/admin/cases/" + caseId).body().contains("Gửi không được"));
        assertThat(officer.get("/admin/cases/" + caseId).body()).contains("Lý do:").contains("blocked");
    }

    @Test
    void an_empty_reply_is_refused_with_a_message_and_nothing_is_sent() {
        long chat = 720_004;
        long caseId = telegramCase(chat, "Mai", "chồng em đánh em");
        OfficerClient officer = union();
        assertThat(officer.submit("/admin/cases/" + caseId + "/reply", Map.of("text", "   ")).body()).contains("Hãy nhập nội dung.");
        assertThat(jdbc.sql("select count(*) from message where case_id = :c and author_account_id is not null").param("c", caseId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_private_note_is_shown_to_officers_and_never_sent() throws InterruptedException {
        long chat = 720_005;
        long caseId = telegramCase(chat, "Hà", "chồng em hay đánh em");
        int first = telegramAnswered(chat).size();
        OfficerClient officer = union();
        String page = officer.submit("/admin/cases/" + caseId + "/notes", Map.of("text", "Đã gọi trưởng thôn, hẹn gặp chiều nay")).body();
        assertThat(page).contains("Đã lưu ghi chú.").contains("Đã gọi trưởng thôn, hẹn gặp chiều nay").contains("Chị Y Union");
        Thread.sleep(1_500);
        assertThat(TELEGRAM.sentTo(chat)).hasSize(first);
        assertThat(jdbc.sql("select count(*) from message where body like '%trưởng thôn%'").query(Long.class).single()).isZero();
        assertThat(auditDetails(caseId)).contains("NOTE null");
    }

    @Test
    void a_reply_sent_twice_from_the_same_page_reaches_her_once_and_a_refused_one_can_be_sent_again() throws InterruptedException {
        long chat = 720_025;
        long caseId = telegramCase(chat, "Loan", "chồng em hay say rượu rồi chửi em");
        int first = telegramAnswered(chat).size();
        OfficerClient officer = union();
        String base = "/admin/cases/" + caseId;
        String once = ConsoleOfflineCaseTest.formToken(officer.get(base).body());

        assertThat(officer.submit(base + "/reply", Map.of("text", "Chị ơi, bây giờ chị có an toàn không?", "once", once)).body())
                .contains("Đã xếp tin trả lời vào hàng gửi.");
        assertThat(officer.submit(base + "/reply", Map.of("text", "Chị ơi, bây giờ chị có an toàn không?", "once", once)).body())
                .contains("Biểu mẫu này đã được gửi rồi").doesNotContain("Đã xếp tin trả lời vào hàng gửi.");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);
        Thread.sleep(1_500);
        assertThat(TELEGRAM.sentTo(chat)).hasSize(first + 1);

        // Refused (the case closed meanwhile): nothing sent, and the same page's form goes through once it is open.
        String page = officer.get(base).body();
        String next = ConsoleOfflineCaseTest.formToken(page);
        officer.submit(base + "/close", Map.of());
        assertThat(officer.submit(base + "/reply", Map.of("text", "Chị còn đó không?", "once", next)).body()).contains("Trường hợp đã đóng.");
        officer.submit(base + "/reopen", Map.of());
        officer.submit(base + "/reply", Map.of("text", "Chị còn đó không?", "once", next));
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 2);
        assertThat(TELEGRAM.sentTo(chat).get(first + 1).text()).isEqualTo("Chị còn đó không?");
    }

    @Test
    void after_she_erases_her_conversation_the_reply_box_warns_that_someone_may_hold_her_phone() {
        long chat = 720_026;
        long caseId = telegramCase(chat, "Vy", "chồng em đánh em tối qua");
        int first = telegramAnswered(chat).size();
        OfficerClient officer = union();
        assertThat(officer.get("/admin/cases/" + caseId).body()).doesNotContain("erased-warning");

        TELEGRAM.userWrites(chat, "Vy", "xoá");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);

        assertThat(officer.get("/admin/cases/" + caseId).body()).contains("id=\"erased-warning\"")
                .contains("Người dân đã xoá cuộc trò chuyện lúc").contains("có thể có người khác đang cầm điện thoại của chị ấy");
    }

    @Test
    void the_reply_box_says_the_hours_she_said_are_safe() {
        long chat = 720_028;
        long caseId = telegramCase(chat, "Thảo", "chồng em hay chửi em, em muốn hỏi cách nói chuyện với anh ấy");
        int first = telegramAnswered(chat).size();
        OfficerClient officer = union();
        assertThat(officer.get("/admin/cases/" + caseId).body()).doesNotContain("id=\"safe-hours\"");

        TELEGRAM.userWrites(chat, "Thảo", "gio 20-22");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);
        assertThat(officer.get("/admin/cases/" + caseId).body()).contains("id=\"safe-hours\"")
                .contains("Chị ấy chỉ muốn nhận tin từ 20–22 giờ (giờ Kon Tum)");
    }

    @Test
    void after_she_asks_not_to_be_written_to_the_reply_box_warns_until_she_writes_again() {
        long chat = 720_027;
        long caseId = telegramCase(chat, "Xuân", "chồng em hay chửi em, em muốn hỏi cách nói chuyện với anh ấy");
        int first = telegramAnswered(chat).size();
        OfficerClient officer = union();
        assertThat(officer.get("/admin/cases/" + caseId).body()).doesNotContain("silence-warning");

        TELEGRAM.userWrites(chat, "Xuân", "ck e ve roi, dung nhan lai nha chi");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);
        assertThat(officer.get("/admin/cases/" + caseId).body()).contains("id=\"silence-warning\"")
                .contains("chị ấy nhắn xin đừng nhắn lại: có thể có người bên cạnh chị ấy");

        // Her next message lifts it: she is writing again.
        TELEGRAM.userWrites(chat, "Xuân", "a ấy đi rồi chị ơi");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from message where case_id = :c and direction = 'IN'")
                .param("c", caseId).query(Long.class).single() == 3);
        assertThat(officer.get("/admin/cases/" + caseId).body()).doesNotContain("silence-warning");
    }

    @Test
    void a_note_too_long_comes_back_in_the_note_box_never_in_the_reply_box_and_line_breaks_count_once() {
        long chat = 720_020;
        long caseId = telegramCase(chat, "Hương", "chồng em lại đánh em");
        OfficerClient officer = union();
        String tooLong = "Ghi chú riêng về người chồng. ".repeat(140); // 4,200 characters
        String page = officer.submit("/admin/cases/" + caseId + "/notes", Map.of("text", tooLong)).body();

        assertThat(page).contains("Nội dung quá dài");
        assertThat(textArea(page, "note-text")).contains("Ghi chú riêng về người chồng.");
        assertThat(textArea(page, "reply-text")).doesNotContain("Ghi chú riêng");

        // 3,950 letters and 30 line breaks: 3,980 characters as the textarea counts them, 4,010 as the form sends them (CR LF).
        String lines = ("x".repeat(130) + "\r\n").repeat(30) + "y".repeat(50);
        assertThat(officer.submit("/admin/cases/" + caseId + "/notes", Map.of("text", lines)).body()).contains("Đã lưu ghi chú.");
    }

    /** What a textarea of the page holds, as the officer sees it (escaped text). */
    private static String textArea(String page, String id) {
        int start = page.indexOf('>', page.indexOf("<textarea id=\"" + id + "\"")) + 1;
        return page.substring(start, page.indexOf("</textarea>", start));
    }

    @Test
    void assign_priority_category_resolve_close_and_reopen_are_recorded() {
        long caseId = telegramCase(720_006, "Thu", "chồng em đánh em chảy máu");
        jdbc.sql("update help_case set priority = 'NORMAL', category = 'violence' where id = :c").param("c", caseId).update();
        OfficerClient officer = union();
        String base = "/admin/cases/" + caseId;

        assertThat(officer.submit(base + "/assign", Map.of()).body()).contains("Bạn đã nhận xử lý trường hợp này.").contains("Chị Y Union");
        assertThat(caseRow(caseId)).containsEntry("status", "ASSIGNED");

        assertThat(officer.submit(base + "/priority", Map.of("priority", "URGENT")).body()).contains("Đã lưu thay đổi.");
        assertThat(caseRow(caseId)).containsEntry("priority", "URGENT");
        officer.submit(base + "/category", Map.of("category", "trafficking"));
        assertThat(caseRow(caseId)).containsEntry("category", "trafficking");
        assertThat(jdbc.sql("select to_category from case_category_correction where case_id = :c").param("c", caseId)
                .query(String.class).single()).isEqualTo("trafficking");
        assertThat(officer.submit(base + "/category", Map.of("category", "nonsense")).body()).contains("Lựa chọn không hợp lệ.");

        assertThat(officer.submit(base + "/resolve", Map.of()).body()).contains("Đã đánh dấu là đã giải quyết.");
        assertThat(caseRow(caseId)).containsEntry("status", "RESOLVED");
        assertThat(officer.submit(base + "/close", Map.of()).body()).contains("Đã đóng trường hợp.");
        assertThat(caseRow(caseId)).containsEntry("status", "CLOSED");
        assertThat(officer.submit(base + "/reply", Map.of("text", "còn đó không chị?")).body()).contains("Trường hợp đã đóng. Hãy mở lại trước.");
        assertThat(officer.submit(base + "/reopen", Map.of()).body()).contains("Đã mở lại trường hợp.");
        assertThat(caseRow(caseId)).containsEntry("status", "ASSIGNED");

        assertThat(auditDetails(caseId).stream().map(d -> d.replaceAll("account \\d+", "account")).toList()).containsExactly("ASSIGN account", "PRIORITY NORMAL->URGENT", "CATEGORY violence->trafficking",
                "RESOLVE ASSIGNED->RESOLVED", "CLOSE RESOLVED->CLOSED", "REOPEN CLOSED->ASSIGNED");
        String page = officer.get(base).body();
        assertThat(page).contains("Lịch sử xử lý").contains("sửa lĩnh vực").contains("mở lại");
    }

    @Test
    void a_transfer_hands_the_case_to_the_other_service_point_and_the_first_loses_access() {
        long caseId = telegramCase(720_007, "Sương", "chồng em đánh em, em đang có bầu 6 tháng");
        OfficerClient union = union();
        OfficerClient health = health();
        String base = "/admin/cases/" + caseId;
        assertThat(health.get(base).statusCode()).isEqualTo(404);

        assertThat(union.submit(base + "/transfer", Map.of("servicePointId", Officers.HEALTH_CENTRE, "reason", "")).body())
                .contains("Hãy ghi lý do chuyển.");

        HttpResponse<String> answer = union.post(base + "/transfer", Map.of("servicePointId", Officers.HEALTH_CENTRE,
                "reason", "Chị đang mang thai, cần trạm y tế khám"));
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(union.get("/admin").body()).contains("Đã chuyển trường hợp.").doesNotContain(ConsoleInboxTest.link(caseId));
        assertThat(union.get(base).statusCode()).isEqualTo(404);
        assertThat(health.get(base).statusCode()).isEqualTo(200);
        assertThat(health.get("/admin").body()).contains(ConsoleInboxTest.link(caseId));
        // Written about her, the reason is sealed like her words: a copy of the database does not show it.
        assertThat(jdbc.sql("select reason from case_transfer where case_id = :c").param("c", caseId).query(String.class).single())
                .startsWith("v1:").doesNotContain("mang thai");
        assertThat(auditDetails(caseId)).contains("TRANSFER hlhpn-thanh-pho->ttyt-thanh-pho");
        // The officers receiving it read why, from whom and by whom.
        assertThat(health.get(base).body()).contains("Chuyển từ").contains("Chị đang mang thai, cần trạm y tế khám")
                .contains("Chị Y Union").doesNotContain("transferred from");
    }

    @Test
    void an_urgent_case_transferred_alerts_the_receiving_service_point_and_the_first_ones_alert_stops() {
        long caseId = telegramCase(720_021, "Nhung", "cứu em, chồng em đang cầm dao đòi giết em");
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(caseId).size() == 1);

        union().post("/admin/cases/" + caseId + "/transfer", Map.of("servicePointId", Officers.HEALTH_CENTRE,
                "reason", "Chị bị thương, cần trung tâm y tế"));

        assertThat(alerts(caseId)).containsExactly(Officers.WOMENS_UNION + " TRANSFER", Officers.HEALTH_CENTRE + " open");
    }

    @Autowired
    vn.kontum.hotline.cases.Cases cases;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * Her message makes the case urgent while an officer transfers it: whichever comes first, the alert ends at the
     * service point that has the case. Here the message's transaction holds the case until the transfer is waiting.
     */
    @Test
    void a_message_making_the_case_urgent_during_a_transfer_alerts_the_service_point_that_receives_it() throws Exception {
        long caseId = telegramCase(720_041, "Ngân", "chồng em hay chửi em");
        OfficerClient officer = union();
        String csrf = OfficerClient.token(officer.get("/admin").body());
        vn.kontum.hotline.contact.Contact contact = jdbc.sql("select contact_id from help_case where id = :c").param("c", caseId)
                .query((rs, n) -> new vn.kontum.hotline.contact.Contact(rs.getLong(1), vn.kontum.hotline.Channel.TELEGRAM, "720041", null, null))
                .single();
        // Threads of their own: the common pool may have a single thread on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch urgentButNotCommitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch transferWaiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> message = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            cases.caseFor(contact, new vn.kontum.hotline.nlp.Classification(vn.kontum.hotline.nlp.Topic.VIOLENCE, 0.9, true, "test"),
                    java.time.OffsetDateTime.now());
            urgentButNotCommitted.countDown();
            try {
                transferWaiting.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(urgentButNotCommitted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> transfer = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                officer.postForm("/admin/cases/" + caseId + "/transfer",
                        Map.of("servicePointId", Officers.HEALTH_CENTRE, "reason", "Cần khám", "_csrf", csrf)), threads);
        Thread.sleep(1_500);
        assertThat(transfer).isNotDone();
        transferWaiting.countDown();
        message.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(transfer.get(20, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(302);

        assertThat(caseRow(caseId)).containsEntry("priority", "URGENT").containsEntry("service_point_id", Officers.HEALTH_CENTRE);
        assertThat(alerts(caseId)).containsExactly(Officers.WOMENS_UNION + " TRANSFER", Officers.HEALTH_CENTRE + " open");
        threads.shutdown();
    }

    /** The other order: a transfer not yet committed when her message making the case urgent is read. */
    @Test
    void a_message_making_the_case_urgent_just_after_a_transfer_alerts_the_service_point_that_has_it() throws Exception {
        long caseId = telegramCase(720_042, "Ngọc", "chồng em hay chửi em");
        vn.kontum.hotline.contact.Contact contact = jdbc.sql("select contact_id from help_case where id = :c").param("c", caseId)
                .query((rs, n) -> new vn.kontum.hotline.contact.Contact(rs.getLong(1), vn.kontum.hotline.Channel.TELEGRAM, "720042", null, null))
                .single();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch transferring = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch messageWaiting = new java.util.concurrent.CountDownLatch(1);
        // As the transfer does: the case row locked, then moved.
        java.util.concurrent.Future<?> transfer = threads.submit(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("select id from help_case where id = :c for update").param("c", caseId).query(Long.class).single();
            jdbc.sql("update help_case set service_point_id = :sp where id = :c").param("sp", Officers.HEALTH_CENTRE).param("c", caseId).update();
            transferring.countDown();
            try {
                messageWaiting.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(transferring.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.Future<?> message = threads.submit(() -> tx.executeWithoutResult(s -> cases.caseFor(contact,
                new vn.kontum.hotline.nlp.Classification(vn.kontum.hotline.nlp.Topic.VIOLENCE, 0.9, true, "test"), java.time.OffsetDateTime.now())));
        Thread.sleep(1_500);
        assertThat(message).isNotDone();
        messageWaiting.countDown();
        transfer.get(20, java.util.concurrent.TimeUnit.SECONDS);
        message.get(20, java.util.concurrent.TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(alerts(caseId)).containsExactly(Officers.HEALTH_CENTRE + " open");
    }

    @Test
    void a_closed_case_marked_urgent_raises_no_alert_until_it_is_reopened() {
        long caseId = telegramCase(720_022, "Thảo", "cho em hỏi luật về ly hôn");
        OfficerClient officer = union();
        officer.submit("/admin/cases/" + caseId + "/close", Map.of());
        assertThat(officer.submit("/admin/cases/" + caseId + "/priority", Map.of("priority", "URGENT")).body()).contains("Đã lưu thay đổi.");
        assertThat(caseRow(caseId)).containsEntry("priority", "URGENT");
        assertThat(alerts(caseId)).isEmpty();
        // Reopened, it is an open urgent case again, and alerted as one.
        officer.post("/admin/cases/" + caseId + "/reopen", Map.of());
        assertThat(alerts(caseId)).containsExactly(Officers.WOMENS_UNION + " open");
    }

    @Test
    void her_village_named_after_an_officers_transfer_leaves_the_case_where_the_officer_sent_it() {
        long chat = 720_023;
        long caseId = telegramCase(chat, "Yên", "chồng em hay đánh em khi say");
        int answered = telegramAnswered(chat).size();
        FakeTelegram.Sent first = TELEGRAM.sentTo(chat).getLast(); // the question of where she lives, with its buttons
        assertThat(first.buttons()).contains("#commune:dak-bla");
        union().post("/admin/cases/" + caseId + "/transfer", Map.of("servicePointId", Officers.HEALTH_CENTRE, "reason", "Cần khám vết thương"));

        TELEGRAM.userPresses(chat, "Yên", first, "#commune:dak-bla");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == answered + 1);
        TELEGRAM.userPresses(chat, "Yên", TELEGRAM.sentTo(chat).get(answered), "#village:dak-bla-thon-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == answered + 2);

        assertThat(caseRow(caseId)).containsEntry("service_point_id", Officers.HEALTH_CENTRE);
        assertThat(jdbc.sql("select village_id from contact where id = (select contact_id from help_case where id = :c)")
                .param("c", caseId).query(String.class).single()).isEqualTo("dak-bla-thon-2");
    }

    @Test
    void an_urgent_case_that_moves_to_her_village_alerts_the_service_point_that_has_it_now() {
        long chat = 720_024;
        long caseId = telegramCase(chat, "Xuân", "chồng em hay chửi em");
        int answered = telegramAnswered(chat).size();
        FakeTelegram.Sent asked = TELEGRAM.sentTo(chat).getLast(); // the question of where she lives, with its buttons
        assertThat(asked.buttons()).contains("#commune:dak-bla");
        TELEGRAM.userWrites(chat, "Xuân", "chồng em đang đánh em, cứu em với");
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(caseId).size() == 1 && TELEGRAM.sentTo(chat).size() == answered + 1);
        int before = TELEGRAM.sentTo(chat).size();

        TELEGRAM.userPresses(chat, "Xuân", asked, "#commune:dak-bla");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == before + 1);
        TELEGRAM.userPresses(chat, "Xuân", TELEGRAM.sentTo(chat).get(before), "#village:dak-bla-thon-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> !Officers.WOMENS_UNION.equals(caseRow(caseId).get("service_point_id")));

        // The first service point's alert stops (its officers lost the case); the one that has it now gets its own.
        String now = (String) caseRow(caseId).get("service_point_id");
        assertThat(alerts(caseId)).containsExactly(Officers.WOMENS_UNION + " MOVED", now + " open");
    }

    /** The case's urgent alerts in order: service point, and how it ended ("open" while it runs). */
    private List<String> alerts(long caseId) {
        return jdbc.sql("select service_point_id, acknowledged_via from urgent_alert where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> rs.getString(1) + " " + (rs.getString(2) == null ? "open" : rs.getString(2))).list();
    }

    @Test
    void another_service_points_officer_gets_404_for_every_read_and_write_and_nothing_changes() {
        long chat = 720_008;
        long caseId = telegramCase(chat, "Hiền", "chồng em đánh em bầm mặt");
        telegramAnswered(chat);
        Map<String, Object> before = caseRow(caseId);
        OfficerClient health = health();
        String base = "/admin/cases/" + caseId;

        HttpResponse<String> page = health.get(base);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy").doesNotContain("bầm mặt");
        assertThat(health.htmx(base + "/thread").statusCode()).isEqualTo(404);
        Map<String, Map<String, String>> posts = Map.of(
                "/reply", Map.of("text", "xin chào"), "/notes", Map.of("text", "ghi chú"), "/assign", Map.of(),
                "/resolve", Map.of(), "/close", Map.of(), "/reopen", Map.of(), "/priority", Map.of("priority", "URGENT"),
                "/category", Map.of("category", "other"),
                "/transfer", Map.of("servicePointId", Officers.HEALTH_CENTRE, "reason", "lấy về"));
        posts.forEach((path, fields) -> assertThat(health.post(base + path, fields).statusCode()).as(path).isEqualTo(404));
        assertThat(health.post(base + "/reply", Map.of("text", "")).statusCode()).isEqualTo(404);
        assertThat(health.get("/admin/cases/99999999").statusCode()).isEqualTo(404);

        assertThat(caseRow(caseId)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from case_note where case_id = :c").param("c", caseId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from message where case_id = :c and direction = 'OUT'").param("c", caseId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(auditDetails(caseId)).isEmpty();

        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(coordinator.get(base).body()).contains("chồng em đánh em bầm mặt");
    }

    @Test
    void markup_in_a_message_is_escaped_on_the_page() {
        long caseId = telegramCase(720_009, "<b>Tên</b>", "<script>alert(1)</script><img src=x onerror=alert(2)> chồng em đánh em");
        String page = union().get("/admin/cases/" + caseId).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
                .contains("&lt;b&gt;Tên&lt;/b&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Tên");
    }

    private Map<String, Object> caseRow(long caseId) {
        return jdbc.sql("select status, priority, category, service_point_id, assigned_officer_id, first_reply_at from help_case where id = :c")
                .param("c", caseId).query().singleRow();
    }

    private List<String> auditDetails(long caseId) {
        return jdbc.sql("select action_type || ' ' || coalesce(detail, 'null') from case_audit where case_id = :c and action_type <> 'VIEW' order by id")
                .param("c", caseId).query(String.class).list();
    }
}
