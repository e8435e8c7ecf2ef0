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

    @ParameterizedTest
    @ValueSource(strings = {"chồng không cho em về nhà ngoại ăn tết", "không cho em đi làm xa",
            "cho em hỏi chỗ khám thai", "chị giúp em hỏi vay vốn với", "hội có cứu giúp hộ nghèo không", ""})
    void a_hard_life_that_is_not_danger_now_is_left_to_the_model(String text) {
        assertThat(LEXICON.matches(NORMALIZER.syllables(text))).isFalse();
    }
}
