package vn.kontum.hotline.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Zalo signs each webhook call: {@code X-ZEvent-Signature: mac=<hex>} where hex is the SHA-256 of the app id,
 * the request body exactly as sent, the body's {@code timestamp} and the OA secret key, one after the other.
 */
final class ZaloSignature {

    private static final String PREFIX = "mac=";

    private ZaloSignature() {
    }

    static byte[] mac(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(appId.getBytes(StandardCharsets.UTF_8));
            sha.update(rawBody);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        return PREFIX + HexFormat.of().formatHex(mac(appId, rawBody, timestamp, oaSecretKey));
    }

    /** Compared in constant time, so the time taken tells nothing about how much of a forged mac was right. */
    static boolean valid(@Nullable String header, String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        if (header == null || !header.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.strip().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(appId, rawBody, timestamp, oaSecretKey), given);
    }
}
