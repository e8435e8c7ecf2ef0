package vn.kontum.hotline.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.delivery.TextParts;
import vn.kontum.hotline.directory.Place;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyComposerTest {

    private final ReplyComposer replies = new ReplyComposer(bundles());
    private final CaseRef caseRef = new CaseRef(7, true, "violence", Priority.NORMAL,
            new ServicePoint("hlhpn-thanh-pho", ServicePointKind.WOMENS_UNION, "Hội LHPN thành phố", null, "0260 3862 123"));

    @Test
    void to_a_medical_emergency_the_ambulance_comes_first_and_to_violence_the_police() {
        CaseRef bleeding = new CaseRef(8, true, "safe_delivery", Priority.URGENT, caseRef.servicePoint());
        assertThat(replies.urgent(bleeding, false, ReplyComposer.VIETNAMESE).text())
                .startsWith("Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay: 115 (Cấp cứu), 113 (Công an)");
        assertThat(replies.urgent(caseRef, false, ReplyComposer.VIETNAMESE).text())
                .startsWith("Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay: 113 (Công an)");
    }

    /** A question about pregnancy or about the baby: the signs that mean calling 115 now are the mother's and the baby's. */
    @Test
    void the_answer_about_a_birth_or_a_baby_names_the_danger_signs_of_both() {
        CaseRef birth = new CaseRef(9, true, "safe_delivery", Priority.NORMAL, caseRef.servicePoint());
        String routed = TextParts.messages(replies.understood(birth, true, false, "", List.of(), null, ReplyComposer.VIETNAMESE).text()).getFirst();
        assertThat(routed).contains("mẹ ra máu nhiều", "bé khó thở, co giật", "hãy gọi 115");
    }

    @Test
    void out_of_hours_she_is_told_the_hour_and_day_a_person_answers_in_kon_tum_time() {
        // 00:30 UTC on 5 January is 07:30 in Kon Tum (UTC+7).
        Reply reply = replies.person(caseRef, OffsetDateTime.of(2027, 1, 5, 0, 30, 0, 0, ZoneOffset.UTC), false, ReplyComposer.VIETNAMESE);
        assertThat(reply.text()).contains("cán bộ sẽ trả lời bạn từ 7:30 ngày 05/01.", "113", "111", "115");
    }

    @Test
    void the_hour_and_day_keep_their_two_digits_where_a_reader_expects_them() {
        // 06:05 UTC on 12 November is 13:05 in Kon Tum.
        Reply reply = replies.person(caseRef, OffsetDateTime.of(2026, 11, 12, 6, 5, 0, 0, ZoneOffset.UTC), false, ReplyComposer.VIETNAMESE);
        assertThat(reply.text()).contains("từ 13:05 ngày 12/11.");
    }

    /**
     * A woman answering "3" gets the third commune, whether or not the reply had an answer with the offer of a person
     * before the list: the communes are numbered from 1, skip and a person come after them.
     */
    @Test
    void a_commune_keeps_its_number_whatever_comes_before_the_list_and_the_other_choices_come_after_it() {
        List<Place> communes = List.of(new Place("duy-tan", "Phường Duy Tân"), new Place("le-loi", "Phường Lê Lợi"),
                new Place("dak-bla", "Xã Đăk Blà"), new Place("ia-chim", "Xã Ia Chim"));
        Reply plain = replies.understood(caseRef, true, true, "", communes, null, ReplyComposer.VIETNAMESE);
        Reply answered = replies.understood(caseRef, true, true, "Bộ Y tế khuyên đi khám thai ít nhất 4 lần.", communes, null,
                ReplyComposer.VIETNAMESE);
        IntentReader reader = new IntentReader(List.of("xoa"), List.of("gap can bo"));

        for (Reply reply : List.of(plain, answered)) {
            String question = TextParts.messages(reply.text()).getLast();
            assertThat(question).startsWith("Bạn ở xã, phường nào?")
                    .contains("\n\n1 - Phường Duy Tân\n2 - Phường Lê Lợi\n3 - Xã Đăk Blà\n4 - Xã Ia Chim\n5 - Bỏ qua");
            for (int i = 0; i < communes.size(); i++) {
                assertThat(reader.read(Integer.toString(i + 1), reply.choices())).isEqualTo(new Intent.ChooseCommune(communes.get(i).id()));
            }
            assertThat(reader.read("5", reply.choices())).isInstanceOf(Intent.Skip.class);
        }
        assertThat(TextParts.messages(answered.text()).getLast()).endsWith("\n5 - Bỏ qua\n6 - Gặp cán bộ");
        assertThat(reader.read("6", answered.choices())).isInstanceOf(Intent.TalkToPerson.class);
        assertThat(reader.read("6", plain.choices())).as("no person offered").isInstanceOf(Intent.ChooseAgain.class);
        assertThat(answered.choices()).extracting(Choice::data).containsExactly("#commune:duy-tan", "#commune:le-loi", "#commune:dak-bla",
                "#commune:ia-chim", "#skip", "#person");
    }

    /** The answer and the question come as messages of their own, after the one that says where her case went. */
    @Test
    void where_her_case_went_an_answer_and_the_question_of_where_she_lives_are_three_messages_in_that_order() {
        Reply reply = replies.understood(caseRef, true, true, "Bộ Y tế khuyên đi khám thai ít nhất 4 lần.",
                List.of(new Place("dak-bla", "Xã Đăk Blà")), null, ReplyComposer.VIETNAMESE);
        List<String> messages = TextParts.messages(reply.text());
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).startsWith("Xin chào").contains("Hội LHPN thành phố (điện thoại 0260 3862 123)")
                .doesNotContain("khám thai").doesNotContain("xã, phường nào");
        assertThat(messages.get(1)).isEqualTo("Bộ Y tế khuyên đi khám thai ít nhất 4 lần.\n\nBạn muốn nói chuyện với cán bộ? Bấm nút hoặc nhắn: gặp cán bộ.");
        assertThat(messages.get(2)).startsWith("Bạn ở xã, phường nào?").endsWith("1 - Xã Đăk Blà\n2 - Bỏ qua\n3 - Gặp cán bộ");
    }

    @Test
    void within_hours_nothing_is_said_about_hours() {
        assertThat(replies.person(caseRef, null, false, ReplyComposer.VIETNAMESE).text()).doesNotContain("ngoài giờ");
    }

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
