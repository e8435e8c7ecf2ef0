package vn.kontum.hotline.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Short news for every node (a page to refresh, a case that changed), sent on a Redis channel by a thread of its own
 * so that the thread raising it goes straight on. What waits while one is being sent leaves together in the next, one
 * line each, repeats dropped: at a few hundred messages a second the news of many messages costs one round trip
 * instead of one each, and an idle hotline still sends each at once. A full queue (Redis away for long) drops news
 * rather than hold up work: news only saves a page its slow poll.
 */
public final class NewsBroadcast implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NewsBroadcast.class);
    /** Lines per Redis message: a few kilobytes at most. */
    static final int MAX_LINES = 200;

    private final StringRedisTemplate redis;
    private final String channel;
    private final BlockingQueue<String> waiting;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;

    public NewsBroadcast(StringRedisTemplate redis, String channel, int capacity) {
        this.redis = redis;
        this.channel = channel;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.sender = Thread.ofVirtual().name("news:" + channel).start(this::sendLoop);
    }

    /** One line of news, without line breaks; never blocks, never waits for Redis. */
    public void tell(String line) {
        if (line.isEmpty() || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("news is one line");
        }
        if (!waiting.offer(line)) {
            long n = dropped.incrementAndGet();
            if (n % 1_000 == 1) { // once per thousand: a sender far behind must not flood the log too
                log.warn("news on {} dropped: the sender is behind ({} dropped so far)", channel, n);
            }
        }
    }

    /** The lines of one Redis message, as {@link #tell} was given them, repeats removed. */
    public static Set<String> lines(Message message) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : new String(message.getBody(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private void sendLoop() {
        List<String> batch = new ArrayList<>(MAX_LINES);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MAX_LINES - 1);
            send(batch);
            batch.clear();
        }
    }

    private void send(List<String> batch) {
        try {
            redis.convertAndSend(channel, String.join("\n", new LinkedHashSet<>(batch)));
        } catch (RuntimeException e) {
            log.warn("{} news on {} not sent ({})", batch.size(), channel, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        sender.interrupt();
    }
}
