package vn.kontum.hotline.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sweeper's second chance keeps an urgent message in the urgent lane, so it does not wait behind ordinary work. */
class PendingWorkSweeperTest extends HotlineIntegrationTest {

    private static final long CHAT = 793_001;

    @Autowired
    PendingWorkSweeper sweeper;

    @Autowired
    ContentCipher content;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void an_urgent_message_stored_but_never_queued_is_put_back_in_the_urgent_lane_and_answered_with_the_emergency_numbers() {
        long caseId = telegramCase(CHAT, "Lan", "cho em hỏi chỗ khám thai gần nhà");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(CHAT).size() == 1);
        long contact = jdbc.sql("select contact_id from message where case_id = :c and direction = 'IN'").param("c", caseId)
                .query(Long.class).single();
        // As the intake leaves a message when Redis took no queue entry: stored, flagged urgent by its first look.
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        jdbc.sql("""
                        insert into message (direction, channel, inbound_key, contact_id, body, urgent, state, created_at, enqueued_at)
                        values ('IN', 'telegram', 'telegram:sweeper-test-1', :contact, :body, true, 'ACCEPTED', :at, :at)""")
                .param("contact", contact).param("body", content.seal("ck e dang cam dao doi giet e, cuu e voi"))
                .param("at", longAgo).update();
        long message = jdbc.sql("select id from message where inbound_key = 'telegram:sweeper-test-1'").query(Long.class).single();

        sweeper.sweepOnce(); // (or its scheduled pass, if that came first)

        assertThat(redis.opsForStream().range(WorkQueue.URGENT_INBOUND, Range.unbounded()))
                .anySatisfy(entry -> assertThat(entry.getValue()).containsEntry("id", Long.toString(message)));
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(CHAT).size() == 2);
        assertThat(TELEGRAM.sentTo(CHAT).get(1).text()).contains("113");
        assertThat(jdbc.sql("select urgent from message where reply_to = :m").param("m", message).query(Boolean.class).single()).isTrue();
    }
}
