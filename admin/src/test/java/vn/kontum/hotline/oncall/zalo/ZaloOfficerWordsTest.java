package vn.kontum.hotline.oncall.zalo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What officers type on a phone to the OA, read as the hotline reads it. */
class ZaloOfficerWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/link ABCDE-FGHJK|ABCDE-FGHJK",
            "link abcdefghjk|abcdefghjk",
            "Link ABCDEFGHJK|ABCDEFGHJK",
            "LINK: ABCDEFGHJK|ABCDEFGHJK",
            "/Link|''",
            "/link sai mã|sai mã"})
    void link_messages_with_or_without_the_slash(String text, String code) {
        assertThat(ZaloOfficerCommands.linkCode(text)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"link trang web của xã bị hỏng", "linh ơi cứu em", "em muốn link với cán bộ", "link"})
    void a_womans_words_about_a_link_are_not_a_link_message(String text) {
        assertThat(ZaloOfficerCommands.linkCode(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nhận|0", "Nhận!|0", "nhan|0", "NHẬN.|0", "đã nhận|0", "Em nhận ạ|0", "dạ em nhận ạ|0", "Vâng, em nhận|0", "nhận 123 ạ|123", "em nhận|0", "nhận rồi|0", "ok|0", "OK.|0", "oke|0",
            "123|123", "#123|123", "nhận 123|123", "nhận #123|123", "ok 45|45", "nhận trường hợp 77|77"})
    void acknowledgements_in_a_few_forms(String text, Long asked) {
        assertThat(ZaloOfficerCommands.acknowledgement(text)).isEqualTo(asked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xin chào", "không nhận", "nhận?", "nhận được rồi nhưng em đang bận", "12a", "gọi 113 giúp em"})
    void other_words_are_no_acknowledgement(String text) {
        assertThat(ZaloOfficerCommands.acknowledgement(text)).isNull();
    }
}
