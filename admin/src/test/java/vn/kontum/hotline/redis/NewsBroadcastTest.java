package vn.kontum.hotline.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** News for every node, as another node hears it on Redis: all of it, each line once, a busy moment in few messages. */
class NewsBroadcastTest extends HotlineIntegrationTest {

    private static final String CHANNEL = "hotline:test:news";

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisConnectionFactory connections;

    /** Redis messages as heard, as they were sent. */
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void a_burst_of_news_arrives_whole_in_far_fewer_messages_than_lines() {
        RedisMessageListenerContainer otherNode = listen();
        try (NewsBroadcast news = new NewsBroadcast(redis, CHANNEL, 10_000)) {
            List<String> told = IntStream.range(0, 2_000).mapToObj(i -> "case " + i).toList();
            told.forEach(news::tell);

            await().atMost(Duration.ofSeconds(20)).until(() -> lines().size() >= told.size());
            // All of it, nothing twice (the listener takes each message on a thread of its own: their order may change).
            assertThat(lines()).hasSameSizeAs(told).containsExactlyInAnyOrderElementsOf(told);
            assertThat(heard).as("Redis messages for 2,000 lines").hasSizeLessThanOrEqualTo(told.size() / 10)
                    .allSatisfy(m -> assertThat(m.split("\n")).hasSizeLessThanOrEqualTo(NewsBroadcast.MAX_LINES));
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void a_lone_piece_of_news_leaves_at_once_and_repeats_waiting_together_leave_once() {
        RedisMessageListenerContainer otherNode = listen();
        try (NewsBroadcast news = new NewsBroadcast(redis, CHANNEL, 10_000)) {
            news.tell("page a");
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("page a"));

            IntStream.range(0, 1_000).forEach(i -> news.tell("page b"));
            news.tell("page c");
            await().atMost(Duration.ofSeconds(20)).until(() -> lines().contains("page c"));
            assertThat(lines().stream().filter("page b"::equals).count()).as("'page b' told 1,000 times")
                    .isBetween(1L, (long) heard.size());
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void news_is_one_line() {
        try (NewsBroadcast news = new NewsBroadcast(redis, CHANNEL, 10)) {
            assertThatThrownBy(() -> news.tell("a\nb")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> news.tell("")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private List<String> lines() {
        return heard.stream().flatMap(m -> List.of(m.split("\n")).stream()).toList();
    }

    private RedisMessageListenerContainer listen() {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> heard.add(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)),
                new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
        container.start();
        await().atMost(Duration.ofSeconds(10)).until(container::isListening);
        return container;
    }
}
