package vn.kontum.hotline.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Long replies are cut where a reader would pause. */
class TextPartsTest {

    @Test
    void a_short_text_is_one_part() {
        assertThat(TextParts.split("Chúng tôi đã nhận được tin nhắn của bạn.", 2000)).containsExactly("Chúng tôi đã nhận được tin nhắn của bạn.");
        assertThat(TextParts.split("", 10)).containsExactly("");
    }

    @Test
    void two_blank_lines_end_a_message_whatever_the_limit() {
        String reply = "Cán bộ sẽ trả lời bạn tại đây.\n\nNếu nguy hiểm, hãy gọi 113." + TextParts.MESSAGE_BREAK + "Bạn ở xã nào?\n\n1 - Xã A\n2 - Bỏ qua";
        assertThat(TextParts.split(reply, 4096)).containsExactly("Cán bộ sẽ trả lời bạn tại đây.\n\nNếu nguy hiểm, hãy gọi 113.",
                "Bạn ở xã nào?\n\n1 - Xã A\n2 - Bỏ qua");
        assertThat(TextParts.split("Một.\n \n\t\n\nHai.\n\n\n", 30)).containsExactly("Một.", "Hai.");
        assertThat(TextParts.split("Hãy gọi 113 ngay bây giờ. Cán bộ sẽ liên hệ.\n\n\nHai.", 30))
                .containsExactly("Hãy gọi 113 ngay bây giờ.", "Cán bộ sẽ liên hệ.", "Hai.");
    }

    @Test
    void cuts_after_a_sentence_rather_than_inside_one() {
        assertThat(TextParts.split("Hãy gọi 113 ngay bây giờ. Cán bộ sẽ liên hệ.", 30))
                .containsExactly("Hãy gọi 113 ngay bây giờ.", "Cán bộ sẽ liên hệ.");
    }

    @Test
    void cuts_at_a_paragraph_first() {
        assertThat(TextParts.split("Số khẩn cấp: 113, 111, 115\nTrạm y tế xã: 0260 3862 123", 40))
                .containsExactly("Số khẩn cấp: 113, 111, 115", "Trạm y tế xã: 0260 3862 123");
    }

    @Test
    void cuts_between_words_when_no_sentence_ends_in_reach() {
        List<String> parts = TextParts.split("một hai ba bốn năm sáu bảy tám chín mười", 12);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(12));
        assertThat(String.join(" ", parts)).isEqualTo("một hai ba bốn năm sáu bảy tám chín mười");
    }

    @Test
    void a_word_longer_than_the_limit_is_cut_but_never_inside_a_surrogate_pair() {
        String emoji = "🙏".repeat(5); // 10 UTF-16 units
        List<String> parts = TextParts.split(emoji, 5);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(5));
        assertThat(String.join("", parts)).isEqualTo(emoji);
        assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
    }
}
