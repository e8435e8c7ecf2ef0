package vn.kontum.hotline.nlp.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DangerLexiconTest {

    private static final DangerLexicon LEXICON = DangerLexicon.standard();
    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    @ParameterizedTest
    @ValueSource(strings = {"người ta không cho em ra khỏi nhà", "ho ko cho con ra ngoai", "chồng đang đánh em",
            "họ đòi 100 triệu mới cho về", "bà ấy không cho quay về", "cuu em voi",
            "help, I am in China, they took my passport", "SOS"})
    void danger_now_is_found_with_or_without_diacritics_and_with_a_word_between(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isTrue();
    }

    /** Reported by the hotline's QA as missed, and danger by corpus/GUIDE.md: a child, no time given. */
    @ParameterizedTest
    @ValueSource(strings = {"em bị anh rể hiếp, em mới 14 tuổi", "em bi anh re hiep, em moi 14 tuoi",
            "bo duong xam hai con gai e 10 tuoi", "co thang hang xom hiep dam con e", "ông ấy dâm ô con em"})
    void a_child_raped_by_a_relative_with_no_time_given_is_danger(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isTrue();
    }

    /**
     * The exceptions ("!đang bị nợ", "!giết lợn") hold only where the diacritics say so and only over their own words:
     * "nó" is not "nợ", "bố" is not "bò", and without diacritics the phrase matches as before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"em đang bị nó đánh", "dang bi no danh", "em đang bị cấm ra khỏi nhà",
            "nó dọa giết bố em", "nó giết gà rồi nói sẽ giết em", "giet lon", "dang bi chong giu", "ck dang bi nguoi ta bat",
            "em đang bị hiếp", "dang bi no hiep", "con e dang bi ban qua bien gioi", "em dang bi du di", "đang bị mẹ chồng đánh",
            "em đang bị dượng sàm sỡ", "dang bi dam",
            "e vừa uống thuốc chuột", "uong het thuoc chuot roi", "em uống thuốc trừ sâu rồi",
            "em là người Xơ Đăng, đang bị giữ ở Trung Quốc"})
    void an_exception_does_not_hide_danger_beside_it_or_without_diacritics(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isTrue();
    }

    /** False alarms the hotline's QA reported, and the ones like them. */
    @ParameterizedTest
    @ValueSource(strings = {"em đang bị nợ tổ tiết kiệm 2 triệu", "em đang bị nợ", "em đang bị đau răng",
            "em đang đau răng quá", "em đang bị cảm", "thuốc chuột mua ở đâu", "tết này nhà em giết lợn",
            "thuốc diệt cỏ loại nào tốt", "chị em Xơ Đăng bị bạo lực có nhiều không", "chị em Xơ Đăng bị bạo hành nhiều không",
            // Without diacritics too: "đang bị" is danger only with who does it or what is done.
            "em dang bi no ngan hang", "em dang bi cam sot", "con em dang bi ho", "dang bi qua han khoan vay",
            "em đang bị tiểu đường thai kỳ", "lúa đang bị ảnh hưởng vì hạn", "tài khoản em đang bị khóa",
            "em dang bi no"})
    void illness_debt_and_farm_work_are_not_danger_now(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chồng không cho em về nhà ngoại ăn tết", "không cho em đi làm xa",
            "cho em hỏi chỗ khám thai", "chị giúp em hỏi vay vốn với", "hội có cứu giúp hộ nghèo không", "",
            // A habit (corpus/GUIDE.md), like heldout2.tsv's "thằng bé 7 tuổi lúc nào cũng bầm tím", not urgent there.
            "hang xom e hay danh con, thang be bi bam tim khap nguoi"})
    void a_hard_life_that_is_not_danger_now_is_left_to_the_model(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isFalse();
    }
}
