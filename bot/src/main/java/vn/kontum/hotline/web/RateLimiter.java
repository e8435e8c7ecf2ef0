package vn.kontum.hotline.web;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Limits in Redis, shared by every node: a burst of {@code limit} hits per key, then one hit every window / limit
 * (a token bucket kept as its next free time, GCRA). Not fixed windows: those refuse for up to the whole window,
 * and a woman who wrote fast and then has something urgent to say must wait seconds, not a minute. A refused hit
 * costs nothing, so a page resending after the wait it was told gets through.
 */
@Component
public class RateLimiter {

    // Redis's own clock, the same for every node. Returns 0 when the hit is allowed, else the milliseconds to wait.
    private static final RedisScript<Long> HIT = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local interval = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local free = tonumber(redis.call('GET', KEYS[1]) or now)
            if free < now then free = now end
            local wait = free - now - (burst - interval)
            if wait > 0 then return wait end
            redis.call('SET', KEYS[1], free + interval, 'PX', free + interval - now)
            return 0""", Long.class);

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Zero when this hit is within the limit (and counted), else how long until one would be. A limit of 0 or less means no limit. */
    public Duration hit(String key, int limit, Duration window) {
        if (limit <= 0) {
            return Duration.ZERO;
        }
        long interval = Math.max(1, window.toMillis() / limit);
        Long wait = redis.execute(HIT, List.of("hotline:rate:" + key), Long.toString(interval), Long.toString(window.toMillis()));
        return Duration.ofMillis(wait == null ? interval : Math.max(0, wait));
    }
}
