package vn.kontum.hotline.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens at rest: unreadable without the key, and bound to what they are. */
class SecretCipherTest {

    @Test
    void a_value_decrypts_only_with_its_key_and_associated_data() {
        SecretCipher cipher = SecretCipher.fromBase64("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
        String sealed = cipher.encrypt("refresh-token-secret", "zalo_token:1:refresh");

        assertThat(sealed).startsWith("v1:").doesNotContain("refresh-token-secret");
        assertThat(cipher.encrypt("refresh-token-secret", "zalo_token:1:refresh")).isNotEqualTo(sealed); // fresh nonce
        assertThat(cipher.decrypt(sealed, "zalo_token:1:refresh")).isEqualTo("refresh-token-secret");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "zalo_token:1:access")).isInstanceOf(IllegalStateException.class);
        SecretCipher other = SecretCipher.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        assertThatThrownBy(() -> other.decrypt(sealed, "zalo_token:1:refresh")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_change_of_key_the_previous_one_still_opens_old_values_but_new_ones_are_sealed_with_the_new_key() {
        String oldKey = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
        String newKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String old = SecretCipher.fromBase64(oldKey).encrypt("chị ơi cứu em", "hotline-content");
        SecretCipher rotated = SecretCipher.fromBase64(newKey).withPrevious(oldKey);

        assertThat(rotated.decrypt(old, "hotline-content")).isEqualTo("chị ơi cứu em");
        assertThat(rotated.sealedWithCurrentKey(old, "hotline-content")).isFalse();
        String fresh = rotated.encrypt("chị ơi cứu em", "hotline-content");
        assertThat(SecretCipher.fromBase64(newKey).decrypt(fresh, "hotline-content")).isEqualTo("chị ơi cứu em");
        assertThatThrownBy(() -> SecretCipher.fromBase64(oldKey).decrypt(fresh, "hotline-content")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretCipher.fromBase64(newKey).decrypt(old, "hotline-content")).isInstanceOf(IllegalStateException.class);
    }

    /** Ciphers are reused between calls: many threads at once, with failures among them, must still each get theirs. */
    @Test
    void many_threads_sealing_and_opening_at_once_each_get_their_own_value_back() throws Exception {
        SecretCipher cipher = SecretCipher.fromBase64("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
        SecretCipher other = SecretCipher.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        Set<String> sealedValues = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String plain = "tin nhắn " + thread + "-" + i;
                        String sealed = cipher.encrypt(plain, "message:" + i);
                        sealedValues.add(sealed);
                        assertThat(cipher.decrypt(sealed, "message:" + i)).isEqualTo(plain);
                        assertThatThrownBy(() -> other.decrypt(sealed, "message:" + thread)).isInstanceOf(IllegalStateException.class);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(sealedValues).hasSize(8 * 500); // a fresh nonce every time, even on a reused cipher
    }

    @Test
    void a_key_that_is_not_32_bytes_is_refused() {
        assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_a_key_one_is_made_once_readable_by_the_owner_only(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/encryption.key");
        String sealed = SecretCipher.fromKeyFile(file).encrypt("access", "a");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretCipher.fromKeyFile(file).decrypt(sealed, "a")).isEqualTo("access"); // the same key next start
    }
}
