package vn.kontum.hotline.channel.zalo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.secrets.SecretCipher;

/**
 * The OA's access token, kept fresh. Zalo's access token lives about 25 hours; the refresh token three months
 * and only once: each refresh returns a new one and the old one is dead. So a refresh is done by one node at a
 * time (a Redis lock), and the new pair is committed to the database before the new access token is used: a
 * crash between the refresh and the commit would otherwise lose the only refresh token there is. A node that
 * finds the lock taken waits for the other's result in the database.
 */
final class ZaloTokens {

    private static final Logger log = LoggerFactory.getLogger(ZaloTokens.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end""", Long.class);
    // Longer than a refresh call may take (its timeout is 30 s): the lock must not lapse while Zalo is answering.
    private static final Duration LOCK_TTL = Duration.ofSeconds(60);
    private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(35);
    /** Zalo does not tell how old the first token is: taken as just issued, less a margin. */
    private static final Duration FIRST_TOKEN_LIFE = Duration.ofHours(23);
    /**
     * How long a token read from the database is used without reading it again: a send then costs no query and no
     * decryption. A token another node refreshed meanwhile is seen at the latest this much later; until then, should
     * Zalo refuse the old one, {@link #refresh} reads the new one from the database without spending the refresh token.
     */
    private static final Duration KEPT_FOR = Duration.ofSeconds(5);

    record Token(String accessToken, String refreshToken, OffsetDateTime accessExpiresAt) {
        @Override
        public String toString() {
            return "Token[expires " + accessExpiresAt + "]"; // never the secrets
        }
    }

    private final ZaloSettings settings;
    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final SecretCipher cipher;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final String lockKey;
    private final AtomicReference<@Nullable Kept> kept = new AtomicReference<>();

    /** A token as last read or stored here, and when to read it again. */
    private record Kept(Token token, long untilNanos) {
    }

    ZaloTokens(ZaloSettings settings, JdbcClient jdbc, StringRedisTemplate redis, SecretCipher cipher, OkHttpClient http,
               JsonMapper json, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.redis = redis;
        this.cipher = cipher;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.lockKey = "hotline:lock:zalo-token:" + settings.appId();
    }

    /** A token to call the OA API with; refreshed first when it is about to expire. */
    String accessToken() {
        Token token = recent();
        if (token.accessExpiresAt().isAfter(HotlineClock.now(clock).plus(settings.refreshAhead()))) {
            return token.accessToken();
        }
        try {
            return refresh(token.accessToken());
        } catch (RuntimeException e) {
            if (token.accessExpiresAt().isAfter(HotlineClock.now(clock))) {
                log.warn("zalo token refresh ahead of expiry failed ({}); the current token is still used", e.getClass().getSimpleName());
                return token.accessToken();
            }
            throw e;
        }
    }

    /**
     * A new access token after Zalo refused {@code rejected}. If another node (or thread) has refreshed since,
     * its token is returned and no refresh is made: the refresh token must not be spent twice.
     */
    String refresh(String rejected) {
        long deadline = System.nanoTime() + WAIT_FOR_OTHER.toNanos();
        String me = UUID.randomUUID().toString();
        while (true) {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lockKey, me, LOCK_TTL))) {
                try {
                    Token stored = current();
                    if (!stored.accessToken().equals(rejected)) {
                        return keep(stored, true).accessToken();
                    }
                    Token fresh = callOAuth(stored.refreshToken());
                    save(fresh);
                    keep(fresh, true);
                    log.info("zalo access token refreshed; expires {}", fresh.accessExpiresAt());
                    return fresh.accessToken();
                } finally {
                    redis.execute(RELEASE, List.of(lockKey), me);
                }
            }
            sleep();
            Token stored = current();
            if (!stored.accessToken().equals(rejected)) {
                return keep(stored, true).accessToken();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("zalo token refresh by another node did not finish in time");
            }
        }
    }

    /** The token kept here if read lately, else the stored one. */
    private Token recent() {
        Kept k = kept.get();
        return k != null && System.nanoTime() - k.untilNanos() < 0 ? k.token() : keep(current(), false);
    }

    /**
     * Keeps {@code token}. Read in passing ({@code settled} false), it does not replace a fresh one that expires later:
     * a thread that read the old row just before another stored a refreshed one must not put the old token back.
     * After Zalo refused the kept one, or a refresh, what the database holds is kept whatever its expiry.
     */
    private Token keep(Token token, boolean settled) {
        long now = System.nanoTime();
        kept.updateAndGet(old -> !settled && old != null && now - old.untilNanos() < 0
                && old.token().accessExpiresAt().isAfter(token.accessExpiresAt()) ? old : new Kept(token, now + KEPT_FOR.toNanos()));
        return token;
    }

    /** The stored tokens, first taken from ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN. */
    Token current() {
        return read().orElseGet(() -> {
            seed();
            return read().orElseThrow(() -> new IllegalStateException("no Zalo tokens: set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN"));
        });
    }

    /**
     * Stores the tokens of the environment when there are none yet, or when the environment holds other tokens
     * than the stored ones started from (an administrator issued new ones).
     */
    void seed() {
        if (settings.firstAccessToken().isBlank() || settings.firstRefreshToken().isBlank()) {
            return;
        }
        OffsetDateTime now = HotlineClock.now(clock);
        String seed = sha256(settings.firstRefreshToken());
        String access = cipher.encrypt(settings.firstAccessToken(), aad("access"));
        String refresh = cipher.encrypt(settings.firstRefreshToken(), aad("refresh"));
        int replaced = jdbc.sql("""
                        update zalo_token set access_token = :access, refresh_token = :refresh, access_expires_at = :expires,
                               seeded_from = :seed, refreshed_at = null, updated_at = :now
                        where app_id = :app and seeded_from <> :seed""")
                .param("access", access).param("refresh", refresh).param("expires", now.plus(FIRST_TOKEN_LIFE))
                .param("seed", seed).param("now", now).param("app", settings.appId()).update();
        if (replaced == 0) {
            jdbc.sql("""
                            insert into zalo_token (app_id, access_token, refresh_token, access_expires_at, seeded_from, updated_at)
                            values (:app, :access, :refresh, :expires, :seed, :now) on conflict do nothing""")
                    .param("app", settings.appId()).param("access", access).param("refresh", refresh)
                    .param("expires", now.plus(FIRST_TOKEN_LIFE)).param("seed", seed).param("now", now).update();
        } else {
            log.info("zalo tokens replaced by the ones in the environment");
        }
    }

    private Optional<Token> read() {
        return jdbc.sql("select access_token, refresh_token, access_expires_at from zalo_token where app_id = :app")
                .param("app", settings.appId())
                .query((rs, n) -> new Token(cipher.decrypt(rs.getString("access_token"), aad("access")),
                        cipher.decrypt(rs.getString("refresh_token"), aad("refresh")),
                        rs.getObject("access_expires_at", OffsetDateTime.class)))
                .optional();
    }

    private void save(Token token) {
        OffsetDateTime now = HotlineClock.now(clock);
        jdbc.sql("""
                        update zalo_token set access_token = :access, refresh_token = :refresh, access_expires_at = :expires,
                               refreshed_at = :now, updated_at = :now where app_id = :app""")
                .param("access", cipher.encrypt(token.accessToken(), aad("access")))
                .param("refresh", cipher.encrypt(token.refreshToken(), aad("refresh")))
                .param("expires", token.accessExpiresAt()).param("now", now).param("app", settings.appId()).update();
    }

    private Token callOAuth(String refreshToken) {
        Request request = new Request.Builder().url(settings.oauthUrl() + "/v4/oa/access_token")
                .header("secret_key", settings.appSecret())
                .post(new FormBody.Builder().add("refresh_token", refreshToken).add("app_id", settings.appId())
                        .add("grant_type", "refresh_token").build())
                .build();
        JsonNode answer;
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("zalo token refresh: http " + response.code());
            }
            answer = json.readTree(response.body().string());
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("zalo token refresh failed: " + e.getClass().getSimpleName(), e);
        }
        String access = answer.path("access_token").asString("");
        String refresh = answer.path("refresh_token").asString("");
        if (access.isBlank() || refresh.isBlank()) {
            // e.g. {"error":-14014,"error_name":"Invalid refresh token"}: an administrator must issue new tokens
            throw new IllegalStateException("zalo token refresh refused: error " + answer.path("error").asString("?")
                    + " " + answer.path("error_name").asString(""));
        }
        long seconds = parseSeconds(answer.path("expires_in"));
        return new Token(access, refresh, HotlineClock.now(clock).plusSeconds(seconds));
    }

    /** Zalo sends expires_in as a string ("90000"); a number is taken too. */
    private static long parseSeconds(JsonNode node) {
        try {
            return node.isNumber() ? node.asLong() : Long.parseLong(node.asString("").strip());
        } catch (NumberFormatException e) {
            return Duration.ofHours(1).toSeconds(); // unknown: refreshed again soon rather than late
        }
    }

    private String aad(String which) {
        return "zalo_token:" + settings.appId() + ":" + which;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a zalo token refresh", e);
        }
    }
}
