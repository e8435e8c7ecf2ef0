package vn.kontum.hotline.secrets;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Message texts, officers' notes and transfer reasons are stored encrypted (AES-GCM, {@link SecretCipher}): a copy of the
 * database, a backup or a curious look at a table shows no woman's words. Sealed values carry the cipher's
 * version prefix; a value without it is read as it is (rows written before encryption, and test fixtures).
 */
@Component
public class ContentCipher {

    private static final String CONTEXT = "hotline-content";

    private final SecretCipher cipher;

    ContentCipher(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public @Nullable String seal(@Nullable String text) {
        return text == null ? null : cipher.encrypt(text, CONTEXT);
    }

    public @Nullable String open(@Nullable String stored) {
        if (stored == null || !cipher.isSealed(stored)) {
            return stored;
        }
        return cipher.decrypt(stored, CONTEXT);
    }

    /**
     * The value sealed with the current key when it was sealed with a previous one; empty when it already is, or
     * is not sealed. Throws when no configured key opens it.
     */
    java.util.Optional<String> sealedAgain(String stored) {
        if (!cipher.isSealed(stored) || cipher.sealedWithCurrentKey(stored, CONTEXT)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(cipher.encrypt(cipher.decrypt(stored, CONTEXT), CONTEXT));
    }
}
