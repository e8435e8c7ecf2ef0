package vn.kontum.hotline.channel.zalo;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.web.ApiException;

/**
 * Signed Zalo events that came while the database was away, kept in Redis (sealed like every stored text) and
 * handed to {@link ZaloEvents} once it is back. Telegram sends an update again until it is taken, and the web chat
 * page does too; Zalo does not say that it sends an event again after an error, so an event it brought during an
 * outage is kept here rather than refused. Each is taken at least once; the intake's deduplication on msg_id makes
 * a second time harmless.
 */
@Component
@ConditionalOnExpression(ZaloConfig.ENABLED)
class ZaloHeldEvents {

    private static final Logger log = LoggerFactory.getLogger(ZaloHeldEvents.class);
    static final String KEY = "hotline:zalo:held";
    /** Events that could not be taken for another reason than the outage: kept for an administrator, never dropped. */
    static final String SET_ASIDE = "hotline:zalo:held:set-aside";

    private final StringRedisTemplate redis;
    private final ContentCipher content;
    private final ZaloEvents events;
    private final JsonMapper json = JsonMapper.builder().build();

    ZaloHeldEvents(StringRedisTemplate redis, ContentCipher content, ZaloEvents events) {
        this.redis = redis;
        this.content = content;
        this.events = events;
    }

    /** Whether {@code failure} means the database cannot be reached (rather than something wrong with the event). */
    static boolean databaseAway(RuntimeException failure) {
        return failure instanceof ApiException api && api.status() == HttpStatus.SERVICE_UNAVAILABLE
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof CannotCreateTransactionException;
    }

    /** Keeps a verified event; false when Redis cannot take it either (then Zalo hears 503). */
    boolean hold(byte[] rawEvent) {
        try {
            redis.opsForList().rightPush(KEY, content.seal(new String(rawEvent, StandardCharsets.UTF_8)));
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** Hands the kept events over, oldest first, until none is left or the database is still away. */
    @Scheduled(fixedDelayString = "${hotline.zalo.held-retry-every:PT2S}", initialDelay = 2_000)
    void handOver() {
        int taken = 0;
        try {
            for (String sealed = redis.opsForList().index(KEY, 0); sealed != null; sealed = redis.opsForList().index(KEY, 0)) {
                try {
                    String raw = content.open(sealed);
                    JsonNode event = json.readTree(raw == null ? "{}" : raw);
                    String name = ZaloEvents.text(event.path("event_name"));
                    events.handle(name == null ? "" : name, event);
                    taken++;
                } catch (RuntimeException e) {
                    if (databaseAway(e)) {
                        return; // still away: the next pass tries again
                    }
                    log.error("a held zalo event could not be taken ({}); set aside in {}", e.getClass().getSimpleName(), SET_ASIDE);
                    redis.opsForList().rightPush(SET_ASIDE, sealed);
                }
                redis.opsForList().remove(KEY, 1, sealed);
            }
        } catch (DataAccessException redisAway) {
            log.warn("held zalo events not handed over now ({})", redisAway.getClass().getSimpleName());
        } finally {
            if (taken > 0) {
                log.info("{} zalo events held during a database outage handed over", taken);
            }
        }
    }
}
