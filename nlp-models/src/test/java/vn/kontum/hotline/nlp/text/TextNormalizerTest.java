package vn.kontum.hotline.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = TextNormalizer.standard();

    @Test
    void decomposedInputIsComposedToNfc() {
        String decomposed = Normalizer.normalize("chồng đánh em", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("chồng đánh em");

        assertThat(normalizer.syllables(decomposed)).containsExactly("chồng", "đánh", "em");
    }

    @Test
    void oldAndNewTonePlacementGiveTheSameSyllable() {
        assertThat(normalizer.syllables("hoà")).containsExactly("hòa");
        assertThat(normalizer.syllables("hòa")).containsExactly("hòa");
        assertThat(normalizer.syllables("thuỷ khoẻ")).containsExactly("thủy", "khỏe");
        // After q the u belongs to the consonant: "quý" keeps its mark on the y.
        assertThat(normalizer.syllables("quý")).containsExactly("quý");
    }

    @Test
    void teencodeIsExpanded() {
        assertThat(normalizer.syllables("ck danh e")).containsExactly("chồng", "danh", "em");
        assertThat(normalizer.syllables("ck đánh e")).containsExactly("chồng", "đánh", "em");
        assertThat(normalizer.syllables("ko dc")).containsExactly("không", "được");
        assertThat(normalizer.syllables("ny e")).containsExactly("người", "yêu", "em");
    }

    @Test
    void upperCaseAndPunctuationAreDropped() {
        assertThat(normalizer.syllables("CỨU TÔI!!! Chồng... đánh?")).containsExactly("cứu", "tôi", "chồng", "đánh");
    }

    @Test
    void lettersRepeatedForEmphasisAreShortened() {
        assertThat(normalizer.syllables("cứuuuuu")).containsExactly("cứu");
        assertThat(normalizer.syllables("điiiii")).containsExactly("đi");
        assertThat(normalizer.syllables("cuuuuu")).containsExactly("cuu");
        assertThat(normalizer.syllables("ơiiii")).containsExactly("ơi");
        // Real double letters and numbers stay.
        assertThat(normalizer.syllables("xoong 1000")).containsExactly("xoong", "1000");
    }

    @Test
    void emojiAreKeptAsOneTokenEach() {
        assertThat(normalizer.syllables("sợ quá😭😭 🙏")).containsExactly("sợ", "quá", "😭", "😭", "🙏");
        assertThat(normalizer.syllables("😀")).containsExactly("😀");
    }

    @Test
    void loneSurrogatesAndControlCharactersAreDropped() {
        String text = "em\uD83D bị\uDE00 đánh\u0000\u200B ở nhà";

        List<String> syllables = normalizer.syllables(text);

        assertThat(syllables).containsExactly("em", "bị", "đánh", "ở", "nhà");
    }

    @Test
    void aTextOfOnlyALoneSurrogateHasNoSyllables() {
        assertThat(normalizer.syllables("\uDC00")).isEmpty();
        assertThat(normalizer.syllables("\uD800")).isEmpty();
    }

    @Test
    void emptyAndBlankTextsHaveNoSyllables() {
        assertThat(normalizer.syllables("")).isEmpty();
        assertThat(normalizer.syllables(" \t\n  ")).isEmpty();
        assertThat(normalizer.syllables("?!... ,,")).isEmpty();
    }

    @Test
    void veryLongTextsAreCutAndStillNormalised() {
        String text = "chồng đánh em ".repeat(1_000).substring(0, 10_000);
        assertThat(text).hasSize(10_000);

        List<String> syllables = normalizer.syllables(text);

        assertThat(syllables).isNotEmpty().containsOnly("chồng", "đánh", "em");
        // Cut at MAX_CHARS: a 14-char phrase of 3 syllables repeated, so about 3 * 2000 / 14 syllables.
        assertThat(syllables.size()).isBetween(3 * TextNormalizer.MAX_CHARS / 14 - 3, 3 * TextNormalizer.MAX_CHARS / 14 + 3);
    }

    @Test
    void aLongRunOfOneLetterIsOneShortWord() {
        assertThat(normalizer.syllables("x".repeat(10_000))).containsExactly("x");
    }

    @Test
    void otherScriptsGiveTokensWithoutFailing() {
        assertThat(normalizer.syllables("救命 我被困住了")).hasSize(2);
        assertThat(normalizer.syllables("ช่วยด้วย")).hasSize(1);
        assertThat(normalizer.syllables("ساعدني من فضلك")).hasSize(3);
    }

    @Test
    void foldingRemovesEveryVietnameseMark() {
        assertThat(Folding.fold("Đường đến trạm y tế xã Hòa Bình, cứu tôi với"))
                .isEqualTo("Duong den tram y te xa Hoa Binh, cuu toi voi");
    }
}
