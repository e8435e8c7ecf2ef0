package vn.kontum.hotline.channel.telegram;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Telegram's limits for bots, shared by every node through Redis: about one message a second to one chat and
 * thirty a second overall. Asking for a send either takes it (zero wait) or says how long to wait. One Lua
 * script, so two nodes cannot both take the last slot; Redis's own clock, so nodes' clocks do not matter.
 *
 * <p>Urgent sends (emergency answers, alerts to officers) come first: while one of them is kept waiting, ordinary
 * sends get only a small share of each second, so a burst of ordinary replies cannot hold an emergency answer
 * back by more than about a second. With no urgent send waiting, ordinary ones use the whole budget.
 */
final class TelegramSendBudget {

    private static final Logger log = LoggerFactory.getLogger(TelegramSendBudget.class);

    // KEYS: the chat's key, the per-second counter's prefix, the "urgent send waiting" flag.
    // ARGV: the limit per second, the interval per chat in ms, 1 if urgent, the ordinary share while urgent wait.
    private static final RedisScript<Long> RESERVE = RedisScript.of("""
            local chatWait = redis.call('PTTL', KEYS[1])
            if chatWait > 0 then return chatWait end
            local t = redis.call('TIME')
            local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local second = KEYS[2] .. ':' .. math.floor(ms / 1000)
            local taken = tonumber(redis.call('GET', second) or '0')
            local limit = tonumber(ARGV[1])
            if ARGV[3] == '1' then
              if taken >= limit then
                redis.call('SET', KEYS[3], '1', 'PX', 1500)
                return 1000 - (ms % 1000)
              end
            else
              if redis.call('EXISTS', KEYS[3]) == 1 then limit = tonumber(ARGV[4]) end
              if taken >= limit then return 1000 - (ms % 1000) end
            end
            if redis.call('INCR', second) == 1 then redis.call('PEXPIRE', second, 2000) end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final String keys;
    private final int perSecond;
    private final int ordinaryWhileUrgentWait;
    private final Duration perChat;

    /** {@code keys}: the Redis key prefix, the same on every node of one bot. */
    TelegramSendBudget(StringRedisTemplate redis, String keys, int perSecond, Duration perChat) {
        this.redis = redis;
        this.keys = keys;
        this.perSecond = perSecond;
        this.ordinaryWhileUrgentWait = Math.max(1, perSecond / 5);
        this.perChat = perChat;
    }

    /** Zero when this send may go now; otherwise how long to wait before asking again. */
    Duration reserve(String chatId, boolean urgent) {
        try {
            Long wait = redis.execute(RESERVE, List.of(keys + ":chat:" + chatId, keys + ":second", keys + ":urgent-waiting"),
                    Integer.toString(perSecond), Long.toString(perChat.toMillis()), urgent ? "1" : "0",
                    Integer.toString(ordinaryWhileUrgentWait));
            return wait == null || wait <= 0 ? Duration.ZERO : Duration.ofMillis(wait);
        } catch (DataAccessException e) {
            // Without Redis the replies still go: Telegram's own 429 and retry_after are the backstop.
            log.warn("telegram send budget unavailable ({}); sending without it", e.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }
}
