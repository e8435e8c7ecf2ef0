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
 * Failed logins counted in Redis (so every node sees them). After {@code max-failures-per-user-and-address}
 * failures for one username from one address, that username is locked for that address only; after
 * {@code max-failures-per-address} failures from one address, whatever the usernames, the address is locked;
 * either until {@code lock} has passed since the last failure. A username is never locked everywhere: anyone can
 * fail an officer's password, and a lock that followed the username would let any outsider keep her out of the
 * hotline, from anywhere. Guessing one password from many addresses is slowed instead: each failure for a username,
 * from wherever, answers a little slower than the one before (up to 2 s). The per-address limit is higher because
 * an office shares one address. An IPv6 address counts by its /64, which one household or attacker holds whole.
 * Usernames are hashed in the keys so that Redis never holds the list of accounts.
 */
@Component
public class LoginThrottle {

    private static final RedisScript<Long> FAIL = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n""", Long.class);
    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private final StringRedisTemplate redis;
    private final int maxPerUserAndAddress;
    private final int maxPerAddress;
    private final Duration lock;
    private final Duration slowdownStep;

    LoginThrottle(StringRedisTemplate redis,
                  @Value("${hotline.login.max-failures-per-user-and-address:5}") int maxPerUserAndAddress,
                  @Value("${hotline.login.max-failures-per-address:30}") int maxPerAddress,
                  @Value("${hotline.login.lock:PT15M}") Duration lock,
                  @Value("${hotline.login.slowdown-step:PT0.25S}") Duration slowdownStep) {
        this.redis = redis;
        this.maxPerUserAndAddress = maxPerUserAndAddress;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
        this.slowdownStep = slowdownStep;
    }

    public boolean locked(String username, String address) {
        String client = client(address);
        return count(pairKey(username, client)) >= maxPerUserAndAddress || count(addressKey(client)) >= maxPerAddress;
    }

    /** Counts a failure and returns how long to hold the answer back: nothing at first, up to 2 s. */
    public Duration failed(String username, String address) {
        String client = client(address);
        String window = Long.toString(lock.toMillis());
        redis.execute(FAIL, List.of(pairKey(username, client)), window);
        redis.execute(FAIL, List.of(addressKey(client)), window);
        Long byUser = redis.execute(FAIL, List.of(userKey(username)), window);
        long n = byUser == null ? 1 : byUser;
        Duration wait = slowdownStep.multipliedBy(Math.max(0, n - 1));
        return wait.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : wait;
    }

    /**
     * A correct password clears the username's failures from that address (not the address's: another account may
     * be under attack from it; nor the slowdown: someone elsewhere may still be guessing).
     */
    public void succeeded(String username, String address) {
        redis.delete(pairKey(username, client(address)));
    }

    public long lockMinutes() {
        return Math.max(1, lock.toMinutes());
    }

    private long count(String key) {
        String v = redis.opsForValue().get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** The address a client is counted by: an IPv6 address by its /64 prefix, anything else as it is. */
    static String client(String address) {
        if (address.indexOf(':') < 0 || !IP_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) {
                return address;
            }
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private static String userKey(String username) {
        return "hotline:login:user:" + sha256(normalised(username));
    }

    private static String pairKey(String username, String client) {
        return "hotline:login:pair:" + sha256(normalised(username) + "\n" + client);
    }

    private static String addressKey(String client) {
        return "hotline:login:addr:" + client;
    }

    private static String normalised(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
