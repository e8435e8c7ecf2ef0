package vn.kontum.hotline.oncall.link;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An officer's command (link, acknowledge) done once although the platform may send its event again when our
 * answer was late or lost. Should doing it fail (database away), the mark is taken back so that the platform's
 * next try does it. Without Redis it may be done twice, which is harmless: a used code is refused, an
 * acknowledged alert stays so.
 */
public final class OnceOnly {

    private OnceOnly() {
    }

    /** {@code key}: the platform's id of the event, under a prefix of the channel's own. */
    public static void run(StringRedisTemplate redis, String key, Runnable command) {
        boolean marked;
        try {
            marked = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, "1", Duration.ofDays(1)));
            if (!marked) {
                return;
            }
        } catch (RuntimeException e) {
            marked = false;
        }
        try {
            command.run();
        } catch (RuntimeException e) {
            if (marked) {
                try {
                    redis.delete(key);
                } catch (RuntimeException ignored) {
                    // the mark expires in a day; the command is then lost only if Redis and the database both failed
                }
            }
            throw e;
        }
    }
}
