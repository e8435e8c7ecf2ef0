package vn.kontum.hotline.admin.casefile;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Forms that must take effect once however often they are sent: a reply tapped twice, or sent again by a browser on
 * a slow line, would reach the woman twice; an offline case sent twice would count her twice. Each page carries a
 * fresh token in the form; the first sending of a token takes it (in Redis, shared by every node, for a day).
 * Without Redis a form goes through as before: a rare repeat is better than a reply not sent.
 */
@Component
class SentForms {

    private static final Logger log = LoggerFactory.getLogger(SentForms.class);
    private static final Duration KEEP = Duration.ofDays(1);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    private final StringRedisTemplate redis;

    SentForms(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A token for one form of one page. */
    String issue() {
        return UUID.randomUUID().toString();
    }

    /** Whether this is the first sending of the form (a missing or malformed token counts as first: older pages). */
    boolean take(long accountId, @Nullable String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(accountId, token), "", KEEP));
        } catch (RuntimeException e) {
            log.warn("form token not checked ({}): the form goes through", e.getClass().getSimpleName());
            return true;
        }
    }

    /** The form was refused (nothing done): it may be sent again. */
    void release(long accountId, @Nullable String token) {
        if (token != null && TOKEN.matcher(token).matches()) {
            try {
                redis.delete(key(accountId, token));
            } catch (RuntimeException e) {
                log.warn("form token not released ({})", e.getClass().getSimpleName());
            }
        }
    }

    /** What the first sending made (an id), for a later sending to show it. */
    void remember(long accountId, @Nullable String token, String result) {
        if (token != null && TOKEN.matcher(token).matches()) {
            try {
                redis.opsForValue().set(key(accountId, token), result, KEEP);
            } catch (RuntimeException e) {
                log.warn("form result not kept ({})", e.getClass().getSimpleName());
            }
        }
    }

    /** What the first sending made; empty while it is still at work, or when nothing was kept. */
    Optional<String> result(long accountId, @Nullable String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.opsForValue().get(key(accountId, token))).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String key(long accountId, String token) {
        return "hotline:sent-form:" + accountId + ":" + token;
    }
}
