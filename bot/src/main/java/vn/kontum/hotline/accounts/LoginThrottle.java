package vn.kontum.hotline.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted in Redis (so every node sees them), per username and per address. After
 * {@code max-failures-per-user} failures for a username, or {@code max-failures-per-address} from one address,
 * logins stop being checked until {@code lock} has passed since the last failure. Each failure also answers a
 * little slower than the one before. The per-address limit is higher because an office shares one address.
 * Usernames are hashed in the keys so that Redis never holds the list of accounts.
 */
@Component
public class LoginThrottle {

    private static final RedisScript<Long> FAIL = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n""", Long.class);

    private final StringRedisTemplate redis;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lock;
    private final Duration slowdownStep;

    LoginThrottle(StringRedisTemplate redis,
                  @Value("${hotline.login.max-failures-per-user:5}") int maxPerUser,
                  @Value("${hotline.login.max-failures-per-address:30}") int maxPerAddress,
                  @Value("${hotline.login.lock:PT15M}") Duration lock,
                  @Value("${hotline.login.slowdown-step:PT0.25S}") Duration slowdownStep) {
        this.redis = redis;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
        this.slowdownStep = slowdownStep;
    }

    public boolean locked(String username, String address) {
        return count(userKey(username)) >= maxPerUser || count(addressKey(address)) >= maxPerAddress;
    }

    /** Counts a failure and returns how long to hold the answer back: nothing at first, up to 2 s. */
    public Duration failed(String username, String address) {
        String window = Long.toString(lock.toMillis());
        Long byUser = redis.execute(FAIL, List.of(userKey(username)), window);
        redis.execute(FAIL, List.of(addressKey(address)), window);
        long n = byUser == null ? 1 : byUser;
        Duration wait = slowdownStep.multipliedBy(Math.max(0, n - 1));
        return wait.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : wait;
    }

    /** A correct password clears the username's failures (not the address's: another account may be under attack). */
    public void succeeded(String username) {
        redis.delete(userKey(username));
    }

    public long lockMinutes() {
        return Math.max(1, lock.toMinutes());
    }

    private long count(String key) {
        String v = redis.opsForValue().get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static String userKey(String username) {
        return "hotline:login:user:" + sha256(username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "hotline:login:addr:" + address;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
