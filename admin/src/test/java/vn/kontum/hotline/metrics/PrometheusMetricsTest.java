package vn.kontum.hotline.metrics;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operators' figures at /actuator/prometheus: counts and timings by channel and category, never a text. */
class PrometheusMetricsTest extends HotlineIntegrationTest {

    @Test
    void a_message_in_and_its_reply_out_are_counted_and_timed_without_its_text() throws Exception {
        String secret = "bí mật của chị Hạnh " + System.nanoTime();
        telegramCase(795_001, "Hạnh", "chồng em đánh em, " + secret);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(795_001).isEmpty());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = getAs("admin", ADMIN_PASSWORD, "/actuator/prometheus").body();
            assertThat(scrape).contains("hotline_messages_in_total{channel=\"telegram\"")
                    .contains("hotline_messages_understood_total{category=\"violence\"")
                    .contains("hotline_messages_out_total{channel=\"telegram\",result=\"sent\"")
                    .contains("hotline_acknowledgement_seconds_bucket").contains("hotline_reply_queued_seconds_count")
                    .contains("hotline_queue_backlog{queue=\"inbound\"}")
                    .contains("hotline_intake_batch_count").contains("hotline_intake_batch_sum")
                    .doesNotContain(secret).doesNotContain("Hạnh");
        });
    }
}
