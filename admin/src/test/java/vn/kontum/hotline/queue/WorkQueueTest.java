package vn.kontum.hotline.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper puts back on a lane only what cannot be waiting in it: work queued before the last entry the lane's
 * workers have read. What was queued after it is still there, unread, behind a backlog.
 */
class WorkQueueTest extends HotlineIntegrationTest {

    @Autowired
    WorkQueue queue;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void a_lane_s_unread_entries_are_dated_from_the_last_entry_its_workers_read() {
        String stream = "hotline:test:unread:" + System.nanoTime();
        assertThat(queue.unreadFor(stream)).as("no lane yet").isNull();
        try (WorkQueue.Reader reader = queue.reader(stream, "test-worker")) {
            assertThat(reader.waiting(10)).isEmpty(); // the lane's group, as a worker makes it
            assertThat(queue.unreadFor(stream)).as("nothing queued").isNull();

            queue.publishAll(stream, List.of(1L, 2L, 3L));
            assertThat(queue.unreadFor(stream)).as("none read: everything since the start waits")
                    .isGreaterThan(Duration.ofDays(365 * 50));

            List<WorkQueue.Entry> first = reader.waiting(1);
            assertThat(first).extracting(WorkQueue.Entry::id).containsExactly(1L);
            Thread.sleep(300);
            assertThat(queue.unreadFor(stream)).as("entry 1, read, was added about 300 ms ago")
                    .isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));

            assertThat(reader.waiting(10)).extracting(WorkQueue.Entry::id).containsExactly(2L, 3L);
            assertThat(queue.unreadFor(stream)).as("all read").isNull();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void work_queued_after_the_last_entry_read_is_not_taken_for_lost_whatever_the_clocks_say() {
        // A node clock far from Redis's (a test clock, or one badly set): only the age Redis gives counts.
        OffsetDateTime now = OffsetDateTime.of(2031, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime stale = now.minusSeconds(30);
        assertThat(PendingWorkSweeper.staleBefore(stale, now, null)).as("nothing unread").isEqualTo(stale);
        assertThat(PendingWorkSweeper.staleBefore(stale, now, Duration.ofMinutes(3))).isEqualTo(now.minusMinutes(3));
        assertThat(PendingWorkSweeper.staleBefore(stale, now, Duration.ofSeconds(10))).isEqualTo(stale);
    }
}
