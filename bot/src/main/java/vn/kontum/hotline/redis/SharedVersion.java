package vn.kontum.hotline.redis;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The version of something every node keeps a {@link SharedCopy} of, changed after each change to it: in Redis for
 * the other nodes, and counted here so that this node need not ask.
 */
public final class SharedVersion {

    private static final Logger log = LoggerFactory.getLogger(SharedVersion.class);
    static final String UNKNOWN = "?";

    private final StringRedisTemplate redis;
    private final String key;
    private final AtomicLong changesHere = new AtomicLong();

    /** {@code key}: the same on every node. */
    public SharedVersion(StringRedisTemplate redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    /** After a change here has been committed: this node reads it at once, the others within a second. */
    public void changed() {
        changesHere.incrementAndGet();
        try {
            // A new random version rather than a count: a Redis emptied by a restart cannot count back to a known one.
            redis.opsForValue().set(key, UUID.randomUUID().toString());
        } catch (RuntimeException e) {
            // The change is stored; other nodes read it when their copy is next read again (at most a minute).
            log.warn("version {} not changed: {}", key, e.getClass().getSimpleName());
        }
    }

    long changesHere() {
        return changesHere.get();
    }

    /** As every node sees it; {@link #UNKNOWN} when Redis cannot say. */
    String current() {
        try {
            String version = redis.opsForValue().get(key);
            return version == null ? "0" : version;
        } catch (RuntimeException e) {
            log.debug("version {} unknown ({})", key, e.getClass().getSimpleName());
            return UNKNOWN;
        }
    }
}
