package vn.kontum.hotline.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM for secrets stored in the database: a fresh 12-byte nonce each time, stored in front of the
 * ciphertext. The associated data names what the value is (e.g. which token of which app), so a value copied
 * into another column or row does not decrypt.
 */
public final class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Ciphers to reuse: looking one up by name (providers, transformation parsing) cost more than sealing a short
     * message. Each is initialised afresh, with its own nonce, before every use, and used by one thread at a time.
     */
    private static final BlockingQueue<Cipher> SPARE = new ArrayBlockingQueue<>(32);

    private final SecretKeySpec key;
    /** Keys that sealed values earlier: they still open them, never seal (see {@code KeyRotation}). */
    private final List<SecretKeySpec> previous;

    public SecretCipher(byte[] key) {
        this(key, List.of());
    }

    public SecretCipher(byte[] key, List<byte[]> previousKeys) {
        this.key = spec(key);
        this.previous = previousKeys.stream().map(SecretCipher::spec).toList();
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an encryption key must be 32 bytes (base64 of 32 bytes in HOTLINE_ENCRYPTION_KEY)");
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    /** The same keys with {@code previousKeys} (base64, comma-separated; blank: none) able to open older values. */
    public SecretCipher withPrevious(String previousKeys) {
        if (previousKeys.isBlank()) {
            return this;
        }
        List<byte[]> keys = new ArrayList<>();
        for (String k : previousKeys.split(",")) {
            try {
                keys.add(Base64.getDecoder().decode(k.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("HOTLINE_ENCRYPTION_KEY_PREVIOUS is not a list of base64 keys", e);
            }
        }
        return new SecretCipher(key.getEncoded(), keys);
    }

    /** Whether older keys are configured, so that values sealed with them may be waiting to be sealed again. */
    public boolean hasPreviousKeys() {
        return !previous.isEmpty();
    }

    /** The key from base64 text. */
    public static SecretCipher fromBase64(String key) {
        try {
            return new SecretCipher(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HOTLINE_ENCRYPTION_KEY is not base64 of 32 bytes", e);
        }
    }

    /**
     * The key kept in {@code file}, made (random, readable by the owner only) when there is none yet: for the
     * embedded default, where one node owns its data folder. Losing the file means entering the tokens again.
     */
    public static SecretCipher fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                try {
                    if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                    log.warn("HOTLINE_ENCRYPTION_KEY is not set: generated a key into {} (owner-only); keep it with the data", file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: use theirs
                }
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("encryption key file " + file + " could not be read or made", e);
        }
    }

    public String encrypt(String plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = borrow();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            SPARE.offer(cipher);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Whether a stored value was made by {@link #encrypt} (it carries the version prefix). */
    public boolean isSealed(String stored) {
        return stored.startsWith(VERSION);
    }

    /**
     * Throws when the value was not encrypted with this key or a previous one and this associated data (or was
     * altered). GCM's tag tells which key is right.
     */
    public String decrypt(String sealed, String associatedData) {
        String plain = tryDecrypt(sealed, associatedData, key);
        for (int i = 0; plain == null && i < previous.size(); i++) {
            plain = tryDecrypt(sealed, associatedData, previous.get(i));
        }
        if (plain == null) {
            throw new IllegalStateException("a stored secret could not be decrypted (wrong HOTLINE_ENCRYPTION_KEY?)");
        }
        return plain;
    }

    /** Whether the value opens with the current key (false: sealed with a previous key, or not by this hotline). */
    public boolean sealedWithCurrentKey(String sealed, String associatedData) {
        return tryDecrypt(sealed, associatedData, key) != null;
    }

    private static @Nullable String tryDecrypt(String sealed, String associatedData, SecretKeySpec key) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = borrow();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            SPARE.offer(cipher);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A spare cipher, or a new one; one that failed is not given back (its state is not trusted). */
    private static Cipher borrow() throws GeneralSecurityException {
        Cipher spare = SPARE.poll();
        return spare != null ? spare : Cipher.getInstance("AES/GCM/NoPadding");
    }
}
