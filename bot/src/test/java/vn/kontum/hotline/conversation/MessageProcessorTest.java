package vn.kontum.hotline.conversation;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageProcessorTest {

    /** The log line's confidence reads as it always did, whatever the value. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.004, 0.005, 0.05, 0.0951, 0.1, 0.36, 0.9271, 0.995, 0.999, 1})
    void a_confidence_is_logged_with_two_decimals(double confidence) {
        assertThat(MessageProcessor.hundredths(confidence)).isEqualTo(String.format(Locale.ROOT, "%.2f", confidence));
    }
}
