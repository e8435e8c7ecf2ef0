package vn.kontum.hotline.secrets;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kontum.hotline.support.HotlineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A change of key: texts sealed with the old one are sealed again with the new one; nothing else is touched. */
class KeyRotationTest extends HotlineIntegrationTest {

    // Keys of this test alone: the running hotline's texts (sealed with its own key) must stay as they are.
    private static final String OLD_KEY = randomKey();
    private static final String NEW_KEY = randomKey();

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Autowired
    ContentCipher running;

    @Test
    void a_text_sealed_with_the_old_key_is_sealed_again_with_the_new_one_and_reads_the_same() {
        long caseId = telegramCase(796_001, "Hoa", "chị ơi cho em hỏi về tổ vay vốn");
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(796_001).isEmpty());
        long message = jdbc.sql("select id from message where case_id = :c and direction = 'IN'").param("c", caseId).query(Long.class).single();
        String untouched = jdbc.sql("select body from message where case_id = :c and direction = 'OUT'").param("c", caseId)
                .query(String.class).single();
        String sealedWithOld = new ContentCipher(SecretCipher.fromBase64(OLD_KEY)).seal("chồng em đánh em, em sợ lắm");
        jdbc.sql("update message set body = :b where id = :id").param("b", sealedWithOld).param("id", message).update();
        SecretCipher rotated = SecretCipher.fromBase64(NEW_KEY).withPrevious(OLD_KEY);

        KeyRotation.Result result = new KeyRotation(jdbc, new ContentCipher(rotated), rotated).sealAgain();

        String body = jdbc.sql("select body from message where id = :id").param("id", message).query(String.class).single();
        assertThat(body).isNotEqualTo(sealedWithOld).startsWith("v1:");
        assertThat(new ContentCipher(SecretCipher.fromBase64(NEW_KEY)).open(body)).isEqualTo("chồng em đánh em, em sợ lắm");
        assertThat(result.sealedAgain()).isGreaterThanOrEqualTo(1);
        // Texts sealed with a key the rotation was not given (here: the running hotline's) are left as they are.
        assertThat(result.unreadable()).isPositive();
        assertThat(jdbc.sql("select body from message where case_id = :c and direction = 'OUT'").param("c", caseId)
                .query(String.class).single()).isEqualTo(untouched);
        assertThat(running.open(untouched)).isNotBlank();

        KeyRotation.Result again = new KeyRotation(jdbc, new ContentCipher(rotated), rotated).sealAgain();
        assertThat(jdbc.sql("select body from message where id = :id").param("id", message).query(String.class).single())
                .as("a second pass finds nothing more to do for it").isEqualTo(body);
        assertThat(again.unreadable()).isEqualTo(result.unreadable());
    }
}
