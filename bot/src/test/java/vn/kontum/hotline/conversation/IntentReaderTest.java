package vn.kontum.hotline.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.nlp.Topic;

import static org.assertj.core.api.Assertions.assertThat;

class IntentReaderTest {

    private final IntentReader reader = new IntentReader(List.of("/xoa", "xoa", "xóa", "/erase"),
            List.of("gap can bo", "noi chuyen voi can bo", "talk to a person"));
    private final List<Choice> topics = List.of(new Choice("#topic:violence", "Bạo lực gia đình, xâm hại"),
            new Choice("#topic:safe_delivery", "Mang thai, sinh đẻ, con nhỏ"), new Choice("#person", "Gặp cán bộ"));

    @ParameterizedTest
    @ValueSource(strings = {"xóa", "Xoá", "XOA", " xoa. ", "/xoa", "/erase"})
    void the_erase_word_alone_erases(String text) {
        assertThat(reader.read(text, List.of())).isInstanceOf(Intent.Erase.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xoa het", "xoá hết", "xoa di", "xoá đi", "xoá tin nhắn", "xoa tin nhan", "xóa hết tin nhắn",
            "Xoá hết tin nhắn đi!", "/xoa het", "xoá giúp em", "xoá hết nhé",
            "xoa giup e", "xoa het di nha", "xóa giùm em với", "xoa tin nhan di a", "xoa ngay di"})
    void the_erase_word_with_a_few_words_after_it_erases(String text) {
        assertThat(reader.read(text, List.of())).isInstanceOf(Intent.Erase.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xóa giúp em cái ảnh chồng em gửi", "em muốn xoá nợ vay", "em xoá hết tin nhắn rồi mà chồng vẫn đọc được",
            "xoá tin nhắn của chồng em", "hết tin nhắn", "tin nhắn", "xoa bop", "xoa giup em cai anh"})
    void the_erase_word_inside_a_sentence_is_just_words(String text) {
        assertThat(reader.read(text, List.of())).isInstanceOf(Intent.FreeText.class);
    }

    @Test
    void safe_hours_are_read_only_when_the_whole_message_asks_for_them() {
        assertThat(reader.read("/gio 9-11", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(9, 11)));
        assertThat(reader.read("Chỉ trả lời từ 20h đến 22h thôi", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(20, 22)));
        assertThat(reader.read("only reply between 9 and 11", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(9, 11)));
        assertThat(reader.read("/gio", List.of())).isEqualTo(new Intent.SetSafeHours(null));
        assertThat(reader.read("gio 20-22", List.of())).as("without the slash").isEqualTo(new Intent.SetSafeHours(new SafeHours(20, 22)));
        assertThat(reader.read("giờ 20h-22h", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(20, 22)));
        assertThat(reader.read("gio 8-10 toi", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(20, 22)));
        assertThat(reader.read("/gio 2-4 chiều", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(14, 16)));
        assertThat(reader.read("/gio 10-12 đêm", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(22, 24)));
        assertThat(reader.read("/gio 9-11 sáng", List.of())).isEqualTo(new Intent.SetSafeHours(new SafeHours(9, 11)));
        assertThat(reader.read("chị nhắn từ 9 đến 11 giờ chồng em đánh em", List.of())).isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read("chi tra loi tu 9 den 9", List.of())).isInstanceOf(Intent.FreeText.class);
    }

    @Test
    void an_offered_choice_is_taken_by_its_button_its_label_or_its_number() {
        assertThat(reader.read("#topic:violence", topics)).isEqualTo(new Intent.ChooseTopic(Topic.VIOLENCE));
        assertThat(reader.read("mang thai, sinh de, con nho", topics)).isEqualTo(new Intent.ChooseTopic(Topic.SAFE_DELIVERY));
        assertThat(reader.read("2", topics)).isEqualTo(new Intent.ChooseTopic(Topic.SAFE_DELIVERY));
        assertThat(reader.read("3", topics)).isInstanceOf(Intent.TalkToPerson.class);
        assertThat(reader.read("2", List.of())).as("a number with nothing offered is just a number").isInstanceOf(Intent.FreeText.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "0", "17", " 9. "})
    void a_number_beside_no_choice_asks_for_the_choices_again(String text) {
        assertThat(reader.read(text, topics)).isEqualTo(new Intent.ChooseAgain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"không biết", "k biet", "e ko bit a", "em không rõ", "chua biet nua", "khong nho thon nao", "kh bit o lang nao", "hok bik"})
    void not_knowing_where_she_lives_skips_the_question(String text) {
        assertThat(reader.read(text, communes)).isEqualTo(new Intent.Skip());
        assertThat(reader.read(text, villages)).isEqualTo(new Intent.Skip());
        assertThat(reader.read(text, topics)).as("no skip offered").isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read(text, List.of())).isInstanceOf(Intent.FreeText.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"không biết làm sao", "em không biết chồng em đi đâu", "khong biet vay von o dau"})
    void not_knowing_something_else_is_words_to_understand(String text) {
        assertThat(reader.read(text, communes)).isInstanceOf(Intent.FreeText.class);
    }

    private final List<Choice> communes = List.of(new Choice("#commune:dak-cam", "Xã Đăk Cấm"),
            new Choice("#commune:ngo-may", "Phường Ngô Mây"), new Choice("#commune:dak-bla", "Xã Đăk Blà"),
            new Choice("#skip", "Bỏ qua"));
    private final List<Choice> villages = List.of(new Choice("#village:kon-klor-2", "Làng Kon Klor 2"),
            new Choice("#village:plei-don", "Plei Đôn"), new Choice("#village:kon-jo-ri-a", "Làng Kon Jơ Ri"),
            new Choice("#village:kon-jo-ri-b", "Thôn Kon Jơ Ri"), new Choice("#skip", "Bỏ qua"));

    @ParameterizedTest
    @ValueSource(strings = {"dak cam", "Đắk Cấm", "đăk cấm ạ", "xa dak cam", "em ở xã Đăk Cấm ạ", "dakcam", "Ở Đăk Cấm nhé"})
    void her_commune_typed_by_name_is_her_answer(String text) {
        assertThat(reader.read(text, communes)).isEqualTo(new Intent.ChooseCommune("dak-cam"));
    }

    @Test
    void her_village_typed_by_name_is_her_answer_when_only_one_bears_it() {
        assertThat(reader.read("lang kon klor 2", villages)).isEqualTo(new Intent.ChooseVillage("kon-klor-2"));
        assertThat(reader.read("kon klor 2 a", villages)).isEqualTo(new Intent.ChooseVillage("kon-klor-2"));
        assertThat(reader.read("em o plei don", villages)).isEqualTo(new Intent.ChooseVillage("plei-don"));
        assertThat(reader.read("kon jơ ri", villages)).as("two villages of that name").isInstanceOf(Intent.FreeText.class);
    }

    @Test
    void a_place_typed_one_letter_off_is_still_hers_when_no_other_is_as_close() {
        assertThat(reader.read("kon klo 2", villages)).isEqualTo(new Intent.ChooseVillage("kon-klor-2"));
        assertThat(reader.read("dak camm", communes)).isEqualTo(new Intent.ChooseCommune("dak-cam"));
        assertThat(reader.read("ngo mai", communes)).isEqualTo(new Intent.ChooseCommune("ngo-may"));
        assertThat(reader.read("dak ca", communes)).as("two letters off Đăk Cấm, one off nothing else long enough")
                .isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read("dak blam", communes)).isEqualTo(new Intent.ChooseCommune("dak-bla"));
        assertThat(reader.read("dak", communes)).isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read("kon klor 3", villages)).as("another number, not a typo").isInstanceOf(Intent.FreeText.class);
    }

    @Test
    void one_edit_means_one_letter_added_dropped_or_changed() {
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "konklo2")).isTrue();
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "konklorr2")).isTrue();
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "konklar2")).isTrue();
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "konkla2")).isFalse();
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "konklor23")).isTrue();
        assertThat(PlaceAnswer.withinOneEdit("konklor2", "xonklor2x")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chồng em ở Đăk Cấm đánh em", "dak", "em ở", "xã", "đăk cấm có trạm y tế không"})
    void a_story_or_a_question_naming_a_place_is_not_an_answer(String text) {
        assertThat(reader.read(text, communes)).isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read("Đăk Cấm", topics)).as("no place was asked").isInstanceOf(Intent.FreeText.class);
    }

    @Test
    void asking_for_a_person_is_understood_with_or_without_diacritics() {
        assertThat(reader.read("cho em gặp cán bộ", List.of())).isInstanceOf(Intent.TalkToPerson.class);
        assertThat(reader.read("cho e gap can bo voi", List.of())).isInstanceOf(Intent.TalkToPerson.class);
        assertThat(reader.read("I want to talk to a person", List.of())).isInstanceOf(Intent.TalkToPerson.class);
        assertThat(reader.read("cán bộ ơi chồng em đánh em", List.of())).isInstanceOf(Intent.FreeText.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ck e ve roi, dung nhan lai nha chi", "Đừng nhắn tin nữa!", "dung tra loi", "đừng rep nha",
            "ck ve r, dung nt nha", "dung nhan cho e nua nhe", "khỏi trả lời nha chị", "chồng em về rồi", "ck e ve r chi oi",
            "thoi chi dung nhan nua"})
    void asking_not_to_be_written_to_is_understood(String text) {
        assertThat(reader.asksForSilence(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chị bảo đừng nhận lời đi làm xa", "em nhắn lại lần nữa ạ", "trả lời giúp em với", "tổ không nhận nữa à",
            "chồng em về muộn", "ck e ve que roi", "dung nhan cho nguoi la tien"})
    void other_words_about_messages_are_not_a_request_for_silence(String text) {
        assertThat(reader.asksForSilence(text)).isFalse();
    }

    @Test
    void a_place_named_after_its_kind_in_a_longer_message_is_found_exactly() {
        PlaceAnswer.Names names = PlaceAnswer.Names.of(communes);
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("chị ơi em ở xã Đăk Cấm, chồng em đang đánh em"), names)).isZero();
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("e o phuong ngo may, ck e say ruou dap pha do dac"), names)).isEqualTo(1);
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("chồng em ở Đăk Cấm đánh em"), names)).as("no kind before it").isEqualTo(-1);
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("nhà em ở xa lắm, chồng em hay đánh em"), names)).as("xa: far")
                .isEqualTo(-1);
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("em ở xã Đăk Cấm, mẹ em ở xã Đăk Blà"), names)).as("two places").isEqualTo(-1);
        assertThat(PlaceAnswer.mentionedIn(IntentReader.simplify("em ở xã Đăk Cấn"), names)).as("exactly, no typo").isEqualTo(-1);
    }

    @Test
    void a_message_of_nothing_but_her_place_is_told_from_one_with_more() {
        PlaceAnswer.Names names = PlaceAnswer.Names.of(communes);
        for (String place : List.of("thôn 3", "e o thon 3 a", "thon 5 xa dak cam", "tổ 3", "số 12", "Đăk Blà, thôn 2 ạ")) {
            assertThat(PlaceAnswer.onlyAPlace(IntentReader.simplify(place), names)).as(place).isTrue();
        }
        for (String more : List.of("thôn 3 cứu em", "e o thon 3, ck dang danh e", "thon 3 chay mau", "", "abc", "chị ơi")) {
            assertThat(PlaceAnswer.onlyAPlace(IntentReader.simplify(more), names)).as(more).isFalse();
        }
        PlaceAnswer.Names sample = PlaceAnswer.Names.of(List.of(new Choice("#village:dak-bla-thon-2", "Làng mẫu 2 (Đăk Blà)")));
        assertThat(PlaceAnswer.onlyAPlace(IntentReader.simplify("máu"), sample)).as("a word of a name alone").isFalse();
        assertThat(PlaceAnswer.onlyAPlace(IntentReader.simplify("làng mẫu 2"), sample)).isTrue();
    }

    @Test
    void forged_button_data_is_not_a_choice() {
        assertThat(reader.read("#topic:nothing", List.of())).isInstanceOf(Intent.FreeText.class);
        assertThat(reader.read("#whatever", List.of())).isInstanceOf(Intent.FreeText.class);
    }
}
