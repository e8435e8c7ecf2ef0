package vn.kontum.hotline.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.intake.MessageIntake;
import vn.kontum.hotline.support.FakeTelegram;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Telegram in webhook mode (the test configuration's), long polling beside it, and long replies in parts. */
class TelegramWebhookTest extends HotlineIntegrationTest {

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Autowired
    Contacts contacts;
    @Autowired
    Outbox outbox;
    @Autowired
    MessageIntake intake;

    private static String update(int updateId, long chat, String text) {
        return """
                {"update_id":%d,"message":{"message_id":5,"date":%d,"chat":{"id":%d,"type":"private","first_name":"Hằng"},
                 "from":{"id":%d,"is_bot":false,"first_name":"Hằng"},"text":"%s"}}"""
                .formatted(updateId, System.currentTimeMillis() / 1000, chat, chat, text);
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/webhooks/telegram")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long stored(int updateId) {
        return jdbc.sql("select count(*) from message where inbound_key = :k").param("k", "telegram:" + updateId).query(Long.class).single();
    }

    @Test
    void the_webhook_is_registered_with_its_secret_at_start() {
        assertThat(TELEGRAM.webhookUrl()).isEqualTo(url("/webhooks/telegram"));
        assertThat(TELEGRAM.webhookSecret()).isEqualTo(TELEGRAM_WEBHOOK_SECRET);
    }

    @Test
    void an_update_with_the_right_secret_is_stored_and_answered() throws Exception {
        long chat = 741_001;
        assertThat(post(update(900_001, chat, "alo có ai không"), TELEGRAM_WEBHOOK_SECRET).statusCode()).isEqualTo(200);
        assertThat(stored(900_001)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
    }

    @Test
    void an_update_with_a_wrong_or_no_secret_is_refused_with_401_and_not_stored() throws Exception {
        long chat = 741_002;
        HttpResponse<String> wrong = post(update(900_002, chat, "giả mạo"), TELEGRAM_WEBHOOK_SECRET + "x");
        HttpResponse<String> missing = post(update(900_003, chat, "giả mạo"), null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"error\":\"unauthorized\"");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(stored(900_002) + stored(900_003)).isZero();
        Thread.sleep(1_000);
        assertThat(TELEGRAM.sentTo(chat)).isEmpty();
    }

    @Test
    void malformed_json_with_the_right_secret_is_refused_with_400() throws Exception {
        assertThat(post("{\"update_id\":900004,\"message\":", TELEGRAM_WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(stored(900_004)).isZero();
    }

    @Test
    void a_reply_over_4096_characters_goes_as_several_messages_in_order() {
        long chat = 741_003;
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 9_000; i++) {
            text.append("Bước ").append(i).append(": gọi cho cán bộ địa chỉ tin cậy ở thôn khi cần giúp đỡ. ");
        }
        String reply = text.toString().strip();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long contact = contacts.idFor(Channel.TELEGRAM, Long.toString(chat), null, now);
        outbox.dispatch(List.of(outbox.queue(Channel.TELEGRAM, contact, null, reply, null, null, now)));

        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == 3);
        List<String> parts = TELEGRAM.sentTo(chat).stream().map(FakeTelegram.Sent::text).toList();
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4_096));
        assertThat(parts.getFirst()).startsWith("Bước 1:");
        assertThat(String.join(" ", parts)).isEqualTo(reply);
        // About one message a second to one chat, as Telegram asks of bots.
        List<Long> times = TELEGRAM.sentTo(chat).stream().map(FakeTelegram.Sent::atMillis).toList();
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(900);
        assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(900);
    }

    @Test
    void the_send_budget_is_one_message_a_second_per_chat_and_a_ceiling_per_second_overall() {
        String run = Long.toString(System.nanoTime());
        TelegramSendBudget budget = new TelegramSendBudget(redis, "test-budget-" + run, 5, Duration.ofSeconds(1));
        // Wait for the start of a fresh second, so that the five sends below fall in one.
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() % 1000 < 300);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(budget.reserve("budget-" + run + "-" + i, false));
        }
        assertThat(waits.subList(0, 5)).allMatch(Duration::isZero);
        assertThat(waits.subList(5, 7)).allSatisfy(w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));

        Duration again = budget.reserve("budget-" + run + "-0", false);
        assertThat(again).as("the same chat within its second waits").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void an_emergency_answer_goes_ahead_of_ordinary_replies_when_the_budget_runs_short() {
        String run = Long.toString(System.nanoTime());
        TelegramSendBudget budget = new TelegramSendBudget(redis, "test-budget-u-" + run, 10, Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() % 1000 < 300);
        for (int i = 0; i < 10; i++) {
            assertThat(budget.reserve("ordinary-" + run + "-" + i, false)).as("ordinary replies use the whole second").isZero();
        }
        assertThat(budget.reserve("urgent-" + run + "-0", true)).as("this second is spent").isPositive();

        long second = System.currentTimeMillis() / 1000;
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() / 1000 > second);
        List<Duration> ordinary = new java.util.ArrayList<>();
        for (int i = 10; i < 13; i++) {
            ordinary.add(budget.reserve("ordinary-" + run + "-" + i, false));
        }
        assertThat(ordinary.subList(0, 2)).as("a fifth of the second while an urgent send waits").allMatch(Duration::isZero);
        assertThat(ordinary.get(2)).isPositive();
        for (int i = 0; i < 8; i++) {
            assertThat(budget.reserve("urgent-" + run + "-" + i, true)).as("the rest is the urgent sends'").isZero();
        }
    }

    @Test
    void long_polling_takes_updates_when_no_webhook_is_set() {
        long chat = 741_004;
        try (FakeTelegram polled = new FakeTelegram(5_000_000)) {
            TelegramPolling polling = new TelegramPolling(FakeTelegram.TOKEN, TelegramConfig.telegramUrl(polled.baseUrl()),
                    new TelegramUpdates(intake));
            polling.start();
            try {
                int update = polled.userWrites(chat, "Hà", "cho em hỏi vay vốn hộ nghèo");
                await().atMost(Duration.ofSeconds(20)).until(() -> stored(update) == 1);
                // The reply goes out through the configured Bot API (the shared fake).
                await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
            } finally {
                polling.stop();
            }
        }
    }
}
