package vn.kontum.hotline.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.Consumer;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Work shared between hotline nodes: Redis Streams with one consumer group per stream. A stream entry carries
 * only a database id; the database row holds the work and its state, so an entry delivered twice is harmless.
 */
@Component
public class WorkQueue implements DisposableBean {

    public static final String INBOUND = "hotline:inbound";
    public static final String OUTBOUND = "hotline:outbound";
    /**
     * Messages that look urgent, and the emergency answers to them, go by lanes of their own with their own
     * workers: they never wait behind a backlog of ordinary work.
     */
    public static final String URGENT_INBOUND = "hotline:inbound:urgent";
    public static final String URGENT_OUTBOUND = "hotline:outbound:urgent";
    static final String GROUP = "hotline";
    private static final long MAX_LENGTH = 200_000;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;

    WorkQueue(RedisClient client) {
        this.client = client;
        this.shared = client.connect();
    }

    public void publish(String stream, long id) {
        shared.sync().xadd(stream, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(), Map.of("id", Long.toString(id)));
    }

    /** Adds several entries in one round trip (pipelined). */
    public void publishAll(String stream, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var async = shared.async();
        List<RedisFuture<String>> futures = new ArrayList<>(ids.size());
        for (long id : ids) {
            futures.add(async.xadd(stream, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(), Map.of("id", Long.toString(id))));
        }
        if (!LettuceFutures.awaitAll(Duration.ofSeconds(5), futures.toArray(RedisFuture[]::new))) {
            throw new RedisCommandTimeoutException("XADD of " + ids.size() + " entries timed out");
        }
        for (RedisFuture<String> f : futures) {
            if (f.getError() != null) {
                throw new RedisCommandExecutionException(f.getError());
            }
        }
    }

    /**
     * How long ago the last entry the workers have read was added to {@code stream}, if entries added after it wait
     * unread; null when none waits, or when the stream or its group is not there (the workers then read it from the
     * start). An id queued since may still be waiting in the stream: queued again, it would be there twice. An age by
     * Redis's own clock (entry ids carry its time), so that the caller can set it against its own clock.
     */
    public @Nullable Duration unreadFor(String stream) {
        RedisCommands<String, String> redis = shared.sync();
        String delivered = null;
        try {
            for (Object group : redis.xinfoGroups(stream)) {
                Map<String, Object> fields = pairs(group);
                if (GROUP.equals(fields.get("name"))) {
                    delivered = String.valueOf(fields.get("last-delivered-id"));
                }
            }
        } catch (RedisCommandExecutionException noSuchStream) {
            return null;
        }
        if (delivered == null) {
            return null;
        }
        Object last = pairs(redis.xinfoStream(stream)).get("last-generated-id");
        if (last == null || compareIds(delivered, String.valueOf(last)) >= 0) {
            return null;
        }
        List<String> time = redis.time(); // seconds, microseconds
        long redisNowMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        return Duration.ofMillis(Math.max(0, redisNowMillis - Long.parseLong(delivered.substring(0, delivered.indexOf('-')))));
    }

    /** XINFO's replies: a flat list of names and values. */
    private static Map<String, Object> pairs(Object reply) {
        Map<String, Object> fields = new HashMap<>();
        if (reply instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                fields.put(String.valueOf(list.get(i)), list.get(i + 1));
            }
        }
        return fields;
    }

    /** Stream ids are "milliseconds-sequence". */
    static int compareIds(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
    }

    /** A connection of its own for a worker that blocks on reads. */
    Reader reader(String stream, String consumer) {
        return new Reader(client.connect(), stream, Consumer.from(GROUP, consumer));
    }

    @Override
    public void destroy() {
        shared.close();
    }

    /** One worker's view of a stream. */
    static final class Reader implements AutoCloseable {
        private final StatefulRedisConnection<String, String> connection;
        private final String stream;
        private final Consumer<String> consumer;
        private boolean groupReady;

        Reader(StatefulRedisConnection<String, String> connection, String stream, Consumer<String> consumer) {
            this.connection = connection;
            this.stream = stream;
            this.consumer = consumer;
        }

        List<Entry> next(int count, Duration block) {
            ensureGroup();
            return entries(connection.sync().xreadgroup(consumer, XReadArgs.Builder.block(block).count(count),
                    XReadArgs.StreamOffset.lastConsumed(stream)));
        }

        /** Entries waiting now, without waiting for any to arrive. */
        List<Entry> waiting(int count) {
            ensureGroup();
            return entries(connection.sync().xreadgroup(consumer, XReadArgs.Builder.count(count),
                    XReadArgs.StreamOffset.lastConsumed(stream)));
        }

        /** Entries another worker took but has not finished for at least {@code idle}: that worker is gone. */
        List<Entry> claimStale(Duration idle, int count) {
            ensureGroup();
            var claimed = connection.sync().xautoclaim(stream, XAutoClaimArgs.Builder.xautoclaim(consumer, idle, "0-0").count(count));
            return entries(claimed.getMessages());
        }

        void ack(List<Entry> entries) {
            connection.sync().xack(stream, GROUP, entries.stream().map(Entry::streamId).toArray(String[]::new));
        }

        private void ensureGroup() {
            if (groupReady) {
                return;
            }
            RedisCommands<String, String> redis = connection.sync();
            try {
                redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException alreadyThere) {
                // BUSYGROUP: another node or an earlier run made it
            }
            groupReady = true;
        }

        /** After Redis restarted without its data the group must be made again. */
        void forgetGroup() {
            groupReady = false;
        }

        private static List<Entry> entries(List<StreamMessage<String, String>> messages) {
            List<Entry> out = new ArrayList<>(messages.size());
            for (StreamMessage<String, String> m : messages) {
                String id = m.getBody() == null ? null : m.getBody().get("id");
                out.add(new Entry(m.getId(), id == null ? -1 : Long.parseLong(id)));
            }
            return out;
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    record Entry(String streamId, long id) {
    }
}
