package vn.kontum.hotline.web;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** Fixed-window counters in Redis, shared by every node: at most {@code limit} hits per key per window. */
@Component
public class RateLimiter {

    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""", Long.class);

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True when this hit is within the limit; a limit of 0 or less means no limit. */
    public boolean allow(String key, int limit, Duration window) {
        if (limit <= 0) {
            return true;
        }
        long windowStart = System.currentTimeMillis() / window.toMillis();
        Long n = redis.execute(INCREMENT, List.of("hotline:rate:" + key + ":" + windowStart), Long.toString(window.toMillis()));
        return n != null && n <= limit;
    }
}
