package vn.kontum.hotline.queue;

import java.time.Instant;
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
        assertThat(queue.unreadSince(stream)).as("no lane yet").isNull();
        try (WorkQueue.Reader reader = queue.reader(stream, "test-worker")) {
            assertThat(reader.waiting(10)).isEmpty(); // the lane's group, as a worker makes it
            assertThat(queue.unreadSince(stream)).as("nothing queued").isNull();

            queue.publishAll(stream, List.of(1L, 2L, 3L));
            assertThat(queue.unreadSince(stream)).as("none read: everything since the start waits").isEqualTo(Instant.EPOCH);

            List<WorkQueue.Entry> first = reader.waiting(1);
            assertThat(first).extracting(WorkQueue.Entry::id).containsExactly(1L);
            Instant added = Instant.ofEpochMilli(Long.parseLong(first.getFirst().streamId().split("-")[0]));
            assertThat(queue.unreadSince(stream)).isEqualTo(added);

            assertThat(reader.waiting(10)).extracting(WorkQueue.Entry::id).containsExactly(2L, 3L);
            assertThat(queue.unreadSince(stream)).as("all read").isNull();
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void work_queued_after_the_last_entry_read_is_not_taken_for_lost() {
        OffsetDateTime stale = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);
        assertThat(PendingWorkSweeper.staleBefore(stale, null)).as("nothing unread").isEqualTo(stale);
        assertThat(PendingWorkSweeper.staleBefore(stale, stale.minusMinutes(3).toInstant())).isEqualTo(stale.minusMinutes(3));
        assertThat(PendingWorkSweeper.staleBefore(stale, stale.plusSeconds(20).toInstant())).isEqualTo(stale);
    }
}
