package vn.kontum.hotline.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What a chat holds after the hotline answered its one message once: the answer's messages (a first answer is sent as
 * up to three short ones), none of them twice. An answer sent twice repeats them. A second, different answer (the
 * message processed twice) would be a second reply row: {@code SharedDatabase.assertEachCaseHasOneMessageAndOneReply},
 * which every test using this also calls, finds that.
 */
final class OneAnswer {

    private OneAnswer() {
    }

    static void received(List<String> texts, String who) {
        assertThat(texts).as(who).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
    }
}
