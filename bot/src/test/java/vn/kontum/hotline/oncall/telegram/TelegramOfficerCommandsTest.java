package vn.kontum.hotline.oncall.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which texts are officers' link commands (taken before intake) and which are left to the conversation. */
class TelegramOfficerCommandsTest {

    @Test
    void link_is_always_a_command_and_start_only_with_a_code_shaped_payload() {
        assertThat(TelegramOfficerCommands.linkCode("/link ABCDEFGHJK")).isEqualTo("ABCDEFGHJK");
        assertThat(TelegramOfficerCommands.linkCode("/link@hotline_bot abcd efgh jk")).isEqualTo("abcd efgh jk");
        assertThat(TelegramOfficerCommands.linkCode("/link")).isEmpty();
        assertThat(TelegramOfficerCommands.linkCode("/link WRONG")).isEqualTo("WRONG");
        assertThat(TelegramOfficerCommands.linkCode("/start ABCDEFGHJK")).isEqualTo("ABCDEFGHJK");
        // A woman opening the bot, or coming from a poster's link, is never taken for an officer.
        assertThat(TelegramOfficerCommands.linkCode("/start")).isNull();
        assertThat(TelegramOfficerCommands.linkCode("/start poster_ngo_may")).isNull();
        assertThat(TelegramOfficerCommands.linkCode("chồng em đánh em")).isNull();
        assertThat(TelegramOfficerCommands.linkCode("/linkage")).isNull();
    }
}
