package vn.kontum.hotline.nlp.text;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick way of folding gives, for every text, what the Unicode decomposition gives. */
class FoldingTest {

    @Test
    void vietnamese_letters_lose_their_marks_and_d_its_bar() {
        assertThat(Folding.fold("Chồng em đánh em, ĐANG ở Kon Tum")).isEqualTo("Chong em danh em, DANG o Kon Tum");
        assertThat(Folding.fold("hoà hòa Hoà")).isEqualTo("hoa hoa Hoa");
        assertThat(Folding.fold("a\u0301 e\u0323\u0302")).as("marks typed apart from their letters").isEqualTo("a e");
    }

    @Test
    void a_text_with_nothing_to_fold_is_returned_as_it_is() {
        String plain = "ck e danh e 113";
        assertThat(Folding.fold(plain)).isSameAs(plain);
    }

    @Test
    void every_character_is_folded_as_the_decomposition_folds_it() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(Folding.fold(one)).as("U+%04X", c).isEqualTo(Folding.foldSlowly(one));
        }
    }

    @Test
    void mixed_texts_with_marks_emoji_and_other_scripts_are_folded_as_the_decomposition_folds_them() {
        String[] pieces = {"a", "đ", "Đ", "ệ", "ở", "ữ", "\u0301", "\u0323", "\u0302", "\u0309", " ", "?", "😭", "\uD83D", "ё", "ά",
                "\u0903", "\u20DD", "ﬁ", "Å", "k", "ng", "ǅ", "\u0F73", "\u0344", "\u1E9B\u0323"};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String mixed = text.toString();
            assertThat(Folding.fold(mixed)).as(mixed).isEqualTo(Folding.foldSlowly(mixed));
        }
    }
}
