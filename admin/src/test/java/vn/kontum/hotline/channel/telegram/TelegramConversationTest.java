package vn.kontum.hotline.channel.telegram;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A woman writes on Telegram; the answer comes back to her chat and the officer finds the case. */
class TelegramConversationTest extends HotlineIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.kontum.hotline.secrets.ContentCipher content;

    @Test
    void an_urgent_message_is_answered_with_the_emergency_numbers_first_and_recorded_as_an_urgent_violence_case() {
        long chat = 700_001;
        int update = TELEGRAM.userWrites(chat, "Hoa", "Chồng em đang cầm dao đánh em, cứu em với");

        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        String reply = TELEGRAM.sentTo(chat).getFirst().text();
        assertThat(reply).startsWith("Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay: 113 (Công an), 111");
        assertThat(reply).contains("115").contains("Hội Liên hiệp Phụ nữ thành phố Kon Tum");

        Map<String, Object> stored = jdbc.sql("""
                        select m.body, m.category, m.urgent, m.model_version, m.state, c.category as case_category,
                               c.priority, c.status, c.service_point_id, c.channel
                        from message m join help_case c on c.id = m.case_id where m.inbound_key = :key""")
                .param("key", "telegram:" + update).query().singleRow();
        // Stored encrypted: the table does not hold her words, the hotline reads them back.
        assertThat((String) stored.get("body")).doesNotContain("dao").startsWith("v1:");
        assertThat(content.open((String) stored.get("body"))).isEqualTo("Chồng em đang cầm dao đánh em, cứu em với");
        assertThat(stored)
                .containsEntry("category", "violence").containsEntry("urgent", true).containsEntry("state", "PROCESSED")
                .containsEntry("case_category", "violence").containsEntry("priority", "URGENT").containsEntry("status", "NEW")
                .containsEntry("service_point_id", "hlhpn-thanh-pho").containsEntry("channel", "telegram");
        assertThat((String) stored.get("model_version")).startsWith("vi-");
    }

    @Test
    void a_question_about_antenatal_visits_goes_to_the_city_health_centre() {
        long chat = 700_002;
        int update = TELEGRAM.userWrites(chat, "Lan", "em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ");

        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        assertThat(TELEGRAM.sentTo(chat).getFirst().text()).contains("Trung tâm Y tế thành phố Kon Tum").doesNotStartWith("Nếu bạn hoặc ai đó");
        assertThat(jdbc.sql("select c.service_point_id from message m join help_case c on c.id = m.case_id where m.inbound_key = :k")
                .param("k", "telegram:" + update).query(String.class).single()).isEqualTo("ttyt-thanh-pho");
    }

    @Test
    void an_update_delivered_twice_is_stored_and_answered_once() throws InterruptedException {
        long chat = 700_003;
        int update = TELEGRAM.userWrites(chat, "Mai", "cho em hỏi vay vốn ngân hàng chính sách cần giấy tờ gì");
        int answered = telegramAnswered(chat).size();

        TELEGRAM.redeliver(update);
        Thread.sleep(3_000);

        assertThat(TELEGRAM.sentTo(chat)).hasSize(answered);
        assertThat(jdbc.sql("select count(*) from message where inbound_key = :k").param("k", "telegram:" + update)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_reply_that_fails_for_a_while_is_delivered_later_exactly_once() {
        long chat = 700_004;
        TELEGRAM.failSendsTo(chat, 502, 502); // this chat only: another test's send meanwhile cannot take a failure
        TELEGRAM.userWrites(chat, "Y Nhung", "alo có ai không");

        // Telegram holds the message a moment before the hotline has recorded its answer: both waited for.
        java.util.function.Supplier<Map<String, Object>> reply = () -> jdbc.sql("""
                        select m.state, m.attempts from message m join contact c on c.id = m.contact_id
                        where c.channel = 'telegram' and c.channel_user_id = :chat and m.direction = 'OUT'""")
                .param("chat", Long.toString(chat)).query().listOfRows().stream().findFirst().orElse(Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> !TELEGRAM.sentTo(chat).isEmpty() && !"SENDING".equals(reply.get().get("state")));
        assertThat(reply.get()).containsEntry("state", "SENT").containsEntry("attempts", 3);
        assertThat(TELEGRAM.sentTo(chat)).hasSize(1);
    }

    @Test
    void a_chat_that_blocked_the_bot_leaves_the_reply_failed_with_the_reason_for_officers() {
        long chat = 700_005;
        TELEGRAM.failSendsTo(chat, 403);
        TELEGRAM.userWrites(chat, "H'Hen", "cảm ơn chị nhiều");

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(jdbc.sql("""
                        select m.state from message m join contact c on c.id = m.contact_id
                        where c.channel_user_id = :chat and m.direction = 'OUT'""")
                .param("chat", Long.toString(chat)).query(String.class).optional().orElse("")));
        assertThat(jdbc.sql("""
                        select m.failure_reason from message m join contact c on c.id = m.contact_id
                        where c.channel_user_id = :chat and m.direction = 'OUT'""")
                .param("chat", Long.toString(chat)).query(String.class).single()).contains("403").contains("blocked");
        assertThat(TELEGRAM.sentTo(chat)).isEmpty();
    }
}
