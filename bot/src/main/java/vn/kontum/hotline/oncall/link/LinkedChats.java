package vn.kontum.hotline.oncall.link;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kontum.hotline.Channel;

/**
 * Which chats are linked to some account, kept in memory so that a woman's message, nearly every message, is told
 * apart from an officer's without a database query on the webhook's thread. The set may hold chats no longer linked
 * (the caller asks the database about those), never miss one linked: a link made on this node is seen at once, one
 * made on another node when the version in Redis changes (asked at most once a second), and the set is read again at
 * least once a minute in case a link could not say so.
 */
final class LinkedChats {

    private static final Logger log = LoggerFactory.getLogger(LinkedChats.class);
    static final String VERSION_KEY = "hotline:officer-chats:version";
    private static final Duration VERSION_ASKED_EVERY = Duration.ofSeconds(1);
    private static final Duration LONGEST_UNCHECKED = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final AtomicLong linksHere = new AtomicLong();
    private final ReentrantLock reading = new ReentrantLock();
    private volatile @Nullable Snapshot snapshot;

    LinkedChats(JdbcClient jdbc, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    /** {@code readAt}: when the chats were read; {@code checkedAt}: when their version was last asked for. */
    private record Snapshot(String version, long linksHere, long readAt, long checkedAt, Set<String> chats) {
    }

    /** False only when the chat is linked to no account. */
    boolean mayBeLinked(Channel channel, String chatId) {
        return current().chats().contains(key(channel, chatId));
    }

    /** A chat was linked (after its transaction committed): this node sees it at once, the others within a second. */
    void linked() {
        linksHere.incrementAndGet();
        try {
            // A new random version rather than a count: a Redis emptied by a restart cannot count back to a known one.
            redis.opsForValue().set(VERSION_KEY, UUID.randomUUID().toString());
        } catch (RuntimeException e) {
            // The link is stored; other nodes read it when their copy is next read again (at most a minute).
            log.warn("officer chats' version not raised: {}", e.getClass().getSimpleName());
        }
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known != null && fresh(known)) {
            return known;
        }
        // One thread asks; the others go on with what is known, unless nothing is known yet or a link was made here.
        if (known == null || known.linksHere() != linksHere.get()) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return known;
        }
        try {
            known = snapshot;
            return known != null && fresh(known) ? known : read(known);
        } finally {
            reading.unlock();
        }
    }

    private boolean fresh(Snapshot known) {
        return known.linksHere() == linksHere.get() && System.nanoTime() - known.checkedAt() < VERSION_ASKED_EVERY.toNanos();
    }

    private Snapshot read(@Nullable Snapshot known) {
        long now = System.nanoTime();
        long links = linksHere.get();
        String version;
        try {
            String v = redis.opsForValue().get(VERSION_KEY);
            version = v == null ? "0" : v;
        } catch (RuntimeException e) {
            log.debug("officer chats' version unknown ({}); read again", e.getClass().getSimpleName());
            version = "?";
        }
        if (known != null && known.version().equals(version) && !"?".equals(version) && known.linksHere() == links
                && now - known.readAt() < LONGEST_UNCHECKED.toNanos()) {
            Snapshot same = new Snapshot(version, links, known.readAt(), now, known.chats());
            snapshot = same;
            return same;
        }
        // Read after the version and the count of links here: a link between them is read now and once more next time.
        Set<String> chats = new HashSet<>();
        jdbc.sql("select channel, chat_id from officer_chat")
                .query((rs, n) -> chats.add(rs.getString(1) + ":" + rs.getString(2))).list();
        Snapshot fresh = new Snapshot(version, links, now, now, Set.copyOf(chats));
        snapshot = fresh;
        return fresh;
    }

    private static String key(Channel channel, String chatId) {
        return channel.id() + ":" + chatId;
    }
}
