package vn.kontum.hotline.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How a lane's threads take their entries: together when the lane gathers, at once when it does not. */
class StreamWorkersTest extends HotlineIntegrationTest {

    @Autowired
    WorkQueue queue;

    @Autowired
    StringRedisTemplate redis;

    private final String stream = "hotline:test:lane-" + System.nanoTime();
    private final List<List<Long>> batches = new CopyOnWriteArrayList<>();
    private StreamWorkers workers;

    @AfterEach
    void stopAndForget() {
        workers.stop();
        redis.delete(stream);
    }

    @Test
    void a_lane_that_gathers_takes_entries_arriving_one_after_another_as_one_batch() throws InterruptedException {
        workers = start(Duration.ofMillis(600));

        queue.publishAll(stream, List.of(1L));
        Thread.sleep(100);
        queue.publishAll(stream, List.of(2L));
        Thread.sleep(100);
        queue.publishAll(stream, List.of(3L));

        await().atMost(Duration.ofSeconds(5)).until(() -> handled() == 3);
        assertThat(batches).containsExactly(List.of(1L, 2L, 3L));
    }

    @Test
    void a_lane_that_does_not_gather_takes_the_first_entry_at_once() throws InterruptedException {
        workers = start(Duration.ZERO);

        queue.publishAll(stream, List.of(1L));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled() == 1);
        queue.publishAll(stream, List.of(2L));

        await().atMost(Duration.ofSeconds(5)).until(() -> handled() == 2);
        assertThat(batches).containsExactly(List.of(1L), List.of(2L));
    }

    private StreamWorkers start(Duration gather) {
        StreamWorkers lane = new StreamWorkers(queue, stream, "test-node", 1, 50, Duration.ofMinutes(5), gather, new WorkHandler() {
            @Override
            public void handle(long id) {
                handleAll(List.of(id));
            }

            @Override
            public void handleAll(List<Long> ids) {
                batches.add(List.copyOf(ids));
            }
        });
        lane.start();
        return lane;
    }

    private int handled() {
        return batches.stream().mapToInt(List::size).sum();
    }
}
