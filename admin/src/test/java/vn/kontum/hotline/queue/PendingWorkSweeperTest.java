package vn.kontum.hotline.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sweeper's second chance: it queues again what was never queued or was lost from its lane, keeps an urgent
 * message in the urgent lane, and leaves alone what is waiting its turn.
 */
class PendingWorkSweeperTest extends HotlineIntegrationTest {

    private static final long CHAT = 793_001;
    private static final long OTHER_CHAT = 793_002;
    private static final long[] CHATS_BEHIND = {793_003, 793_004, 793_005};

    @Autowired
    PendingWorkSweeper sweeper;

    @Autowired
    ContentCipher content;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    WorkQueue queue;

    @Autowired
    ApplicationContext context;

    @Test
    void an_urgent_message_stored_but_never_queued_is_put_back_in_the_urgent_lane_and_answered_with_the_emergency_numbers() {
        long caseId = telegramCase(CHAT, "Lan", "cho em hỏi chỗ khám thai gần nhà");
        int first = telegramAnswered(CHAT).size();
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
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(CHAT).size() == first + 1);
        assertThat(TELEGRAM.sentTo(CHAT).get(first).text()).contains("113");
        assertThat(jdbc.sql("select urgent from message where reply_to = :m").param("m", message).query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_pass_queues_again_replies_never_queued_or_lost_and_leaves_those_queued_lately_or_waiting_to_retry() {
        long caseId = telegramCase(OTHER_CHAT, "Hoa", "cho em hỏi vay vốn tổ tiết kiệm");
        int first = telegramAnswered(OTHER_CHAT).size();
        long contact = jdbc.sql("select contact_id from help_case where id = :c").param("c", caseId).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long neverQueued = reply(caseId, contact, "never queued", false, null, null);
        long lost = reply(caseId, contact, "lost", false, now.minusMinutes(5), null);
        long lostUrgent = reply(caseId, contact, "lost, urgent", true, now.minusMinutes(5), null);
        // Queued a moment ago, as a node a minute ahead dates it: the tests count work as lost after 3 s, and this
        // must stay unlost while the test runs.
        long queuedLately = reply(caseId, contact, "queued lately", false, now.plusMinutes(1), null);
        long retryLater = reply(caseId, contact, "retry later", false, null, now.plusMinutes(10));
        try {
            sweeper.sweepOnce(); // (or its scheduled pass, if that came first)

            assertThat(redis.opsForStream().range(WorkQueue.OUTBOUND, Range.unbounded()))
                    .map(entry -> entry.getValue().get("id"))
                    .contains(Long.toString(neverQueued), Long.toString(lost))
                    .doesNotContain(Long.toString(lostUrgent), Long.toString(queuedLately), Long.toString(retryLater));
            assertThat(redis.opsForStream().range(WorkQueue.URGENT_OUTBOUND, Range.unbounded()))
                    .map(entry -> entry.getValue().get("id")).contains(Long.toString(lostUrgent));
            await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(OTHER_CHAT).size() == first + 3);
            assertThat(TELEGRAM.sentTo(OTHER_CHAT)).map(m -> m.text()).contains("never queued", "lost", "lost, urgent")
                    .doesNotContain("queued lately", "retry later");
        } finally { // not sent later, in another test's time
            jdbc.sql("update message set state = 'FAILED' where id in (:ids) and state = 'QUEUED'")
                    .param("ids", List.of(queuedLately, retryLater)).update();
        }
    }

    @Test
    void work_waiting_unread_behind_busy_workers_is_not_queued_again_and_each_woman_is_answered_once() throws Exception {
        long caseId = telegramCase(CHATS_BEHIND[0], "Mai", "cho em hỏi lớp học may ở phường");
        int first = telegramAnswered(CHATS_BEHIND[0]).size();
        long contact = jdbc.sql("select contact_id from help_case where id = :c").param("c", caseId).query(Long.class).single();
        // As under a long backlog: the lanes hold entries that no worker has read yet, longer than work counts as lost.
        SmartLifecycle workers = context.getBean("hotlineWorkers", SmartLifecycle.class);
        workers.stop();
        List<Long> inbound = new ArrayList<>();
        List<Long> outbound = new ArrayList<>();
        try {
            for (long chat : List.of(CHATS_BEHIND[1], CHATS_BEHIND[2])) {
                int update = TELEGRAM.userWrites(chat, "Hoa", "chị ơi tổ tiết kiệm thôn em họp ngày nào");
                inbound.add(await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select id from message where inbound_key = :k")
                        .param("k", "telegram:" + update).query(Long.class).optional(), java.util.Optional::isPresent).orElseThrow());
            }
            for (String text : List.of("behind, first", "behind, second")) {
                long id = reply(caseId, contact, text, false, OffsetDateTime.now(ZoneOffset.UTC), null);
                queue.publish(WorkQueue.OUTBOUND, id);
                outbound.add(id);
            }
            Thread.sleep(4_000); // past the tests' 3 s after which work not done counts as lost

            sweeper.sweepOnce(); // (and the scheduled passes meanwhile)

            assertThat(entriesOf(WorkQueue.INBOUND, WorkQueue.URGENT_INBOUND)).filteredOn(inbound::contains)
                    .containsExactlyInAnyOrderElementsOf(inbound);
            assertThat(entriesOf(WorkQueue.OUTBOUND, WorkQueue.URGENT_OUTBOUND)).filteredOn(outbound::contains)
                    .containsExactlyInAnyOrderElementsOf(outbound);
        } finally {
            workers.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(CHATS_BEHIND[0]).size() == first + 2);
        telegramAnswered(CHATS_BEHIND[1]);
        telegramAnswered(CHATS_BEHIND[2]);
        Thread.sleep(2_000); // and no second answer after a while
        assertThat(TELEGRAM.sentTo(CHATS_BEHIND[0])).map(m -> m.text()).hasSize(first + 2).endsWith("behind, first", "behind, second");
        // One reply each (in the messages it is sent as): not a second one.
        for (long chat : List.of(CHATS_BEHIND[1], CHATS_BEHIND[2])) {
            List<String> replies = jdbc.sql("""
                            select m.body from message m join contact c on c.id = m.contact_id
                            where c.channel = 'telegram' and c.channel_user_id = :chat and m.direction = 'OUT'""")
                    .param("chat", Long.toString(chat)).query(String.class).list();
            assertThat(replies).hasSize(1);
            assertThat(TELEGRAM.sentTo(chat)).hasSize(vn.kontum.hotline.delivery.TextParts.messages(content.open(replies.getFirst())).size());
        }
    }

    /** The message ids of every entry now in these lanes, once per entry. */
    private List<Long> entriesOf(String... streams) {
        List<Long> ids = new ArrayList<>();
        for (String stream : streams) {
            Objects.requireNonNull(redis.opsForStream().range(stream, Range.unbounded()))
                    .forEach(entry -> ids.add(Long.parseLong(String.valueOf(entry.getValue().get("id")))));
        }
        return ids;
    }

    /**
     * A reply to send (urgent: an emergency answer), as the outbox leaves it: queued at {@code enqueuedAt} (null: not
     * yet), or to retry at {@code retryAt}.
     */
    private long reply(long caseId, long contact, String text, boolean urgent, @Nullable OffsetDateTime enqueuedAt,
                       @Nullable OffsetDateTime retryAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (direction, channel, contact_id, case_id, body, urgent, state, created_at,
                                             enqueued_at, next_attempt_at)
                        values ('OUT', 'telegram', :contact, :case, :body, :urgent, 'QUEUED', :now, :enqueued, :retry)""")
                .param("contact", contact).param("case", caseId).param("body", content.seal(text)).param("urgent", urgent)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("enqueued", enqueuedAt).param("retry", retryAt).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }
}
