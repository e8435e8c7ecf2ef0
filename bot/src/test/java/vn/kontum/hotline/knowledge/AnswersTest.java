package vn.kontum.hotline.knowledge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped answers against messages as women write them, questions and reports, with and without diacritics, each
 * under the topic the classifier gives it or could give it: the answer that fits, or none (a person answers her
 * anyway; a wrong answer tells her she was not read).
 */
class AnswersTest {

    private static final String VISITS = "Khám thai bao nhiêu lần và khi nào?";
    private static final String WHERE = "Nên sinh con ở đâu?";
    private static final String DANGER = "Khi mang thai, dấu hiệu nào là nguy hiểm?";
    private static final String AFTER_BIRTH = "Sau khi sinh, mẹ cần chăm sóc thế nào và khi nào phải đi khám ngay?";
    private static final String NEWBORN = "Chăm sóc trẻ sơ sinh và cho con bú thế nào?";
    private static final String VACCINATION = "Bé cần tiêm chủng những mũi nào và tiêm ở đâu?";
    private static final String JAUNDICE = "Bé bị vàng da, vàng mắt thì làm thế nào?";
    private static final String FEEDING = "Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?";
    private static final String SUPPORT = "Khi đi khám thai, sinh con có được hỗ trợ gì không?";
    private static final String CONTRACEPTION = "Muốn tránh thai, kế hoạch hóa gia đình thì hỏi ở đâu?";
    private static final String JOIN_GROUP = "Làm sao để tham gia tổ tiết kiệm ở thôn?";
    private static final String GROUP_WORKS = "Tổ tiết kiệm và vay vốn hoạt động thế nào?";
    private static final String BANK = "Vay vốn ưu đãi của Ngân hàng Chính sách xã hội cần giấy tờ gì?";
    private static final String LIVELIHOOD = "Nhóm sinh kế, tổ hợp tác, hợp tác xã là gì và tham gia thế nào?";
    private static final String SELLING = "Làm sao bán được sản phẩm mình làm ra?";
    private static final String TRADE = "Muốn học nghề thì hỏi ở đâu?";
    private static final String LOAN_SHARKS = "Vay nặng lãi, vay qua ứng dụng có nguy hiểm không?";

    private final Answers answers = shipped();

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            safe_delivery | em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ        | VISITS
            safe_delivery | KHÁM THAI Ở ĐÂU???                                        | VISITS
            safe_delivery | e muon hoi uong thuoc tranh thai co hai gi khong          | CONTRACEPTION
            safe_delivery | em muốn được hỗ trợ đặt vòng tránh thai thì đi đâu          | CONTRACEPTION
            safe_delivery | em chưa muốn có con nữa thì làm sao                       | CONTRACEPTION
            safe_delivery | sinh con ở trạm y tế có được miễn phí không                | SUPPORT
            safe_delivery | thẻ bảo hiểm y tế làm ở đâu                               | SUPPORT
            safe_delivery | em muon hoi ve che do thai san                            | SUPPORT
            safe_delivery | vợ em sắp sinh mà nhà xa trạm quá thì đẻ ở nhà được không | WHERE
            safe_delivery | dau hieu nguy hiem khi mang thai la gi                    | DANGER
            safe_delivery | em có bầu 7 tháng, ra máu và đau bụng quá                  | DANGER
            safe_delivery | sau sinh dc 1 tuan e bi sot                               | AFTER_BIRTH
            safe_delivery | con em mới sinh được 3 ngày bị vàng da có sao không        | JAUNDICE
            safe_delivery | bé 10 ngày rồi vẫn vàng da, bú kém                        | JAUNDICE
            safe_delivery | bé nhà em da vàng, mắt vàng, phân trắng                   | JAUNDICE
            safe_delivery | ít sữa quá con bú không đủ                                | NEWBORN
            safe_delivery | mẹ giữ ấm cho bé sơ sinh thế nào                          | NEWBORN
            safe_delivery | bé bú mẹ hoàn toàn đến mấy tháng                          | NEWBORN
            safe_delivery | be 2 thang tiem mui gi                                    | VACCINATION
            safe_delivery | bé nhà em lỡ lịch tiêm thì sao                            | VACCINATION
            safe_delivery | trẻ sơ sinh cần tiêm những mũi gì                         | VACCINATION
            safe_delivery | sau tiêm bé bị sốt có sao không                           | VACCINATION
            safe_delivery | bé 7 tháng tuổi ăn gì                                     | FEEDING
            safe_delivery | bé 4 tháng cho uống nước cháo được không                  | FEEDING
            safe_delivery | con 1 tuổi cai sữa được chưa                              | FEEDING
            savings_loans | em muốn vay vốn để nuôi bò thì cần giấy tờ gì             | BANK
            savings_loans | chồng em muốn vay vốn nuôi bò thì cần giấy tờ gì          | BANK
            savings_loans | nhà em nghèo có được vay ưu đãi không                     | BANK
            savings_loans | lãi suất vay ngân hàng chính sách bao nhiêu               | BANK
            savings_loans | tien lai trong to tiet kiem chia the nao                  | GROUP_WORKS
            savings_loans | to tiet kiem hoat dong the nao, lai suat bn               | GROUP_WORKS
            savings_loans | em muốn gia nhập nhóm tiết kiệm                           | JOIN_GROUP
            savings_loans | chồng em bận đi làm, em muốn tham gia tổ tiết kiệm         | JOIN_GROUP
            savings_loans | làm sao để lập tổ hợp tác chăn nuôi dê                    | LIVELIHOOD
            savings_loans | em dệt thổ cẩm muốn bán thì bán cho ai                    | SELLING
            savings_loans | muốn học may ở đâu                                        | TRADE
            savings_loans | em muốn tìm việc làm gần nhà                              | TRADE
            savings_loans | vay qua app giờ không trả được                            | LOAN_SHARKS
            savings_loans | chồng em vay nặng lãi rồi bỏ đi, người ta đến nhà đòi nợ em | LOAN_SHARKS
            """)
    void a_question_gets_the_answer_that_fits_it(String topic, String text, String expected) {
        assertThat(answers.answerFor(topic, text)).as(text).hasValueSatisfying(a -> assertThat(a.question()).isEqualTo(question(expected)));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> none")
    @CsvSource(delimiter = '|', textBlock = """
            savings_loans | ck e cầm tiền lãi heo đi nhậu hết
            savings_loans | chồng em lấy tiền lãi của tổ đi uống rượu
            savings_loans | chồng em lấy tiền em góp tổ tiết kiệm đi đánh bạc
            savings_loans | ck e cam het tien tiet kiem roi
            savings_loans | mẹ chồng giữ hết tiền vay vốn của em
            savings_loans | chồng không cho em vay vốn
            safe_delivery | chong em khong cho em di kham thai
            safe_delivery | em có bầu mà chồng bắt đi làm rẫy nặng
            safe_delivery | chồng em không cho em dùng thuốc tránh thai
            safe_delivery | nhà chồng cấm em đi sinh ở trạm y tế
            safe_delivery | ck e k cho con di tiem chung
            safe_delivery | mẹ chồng bắt cai sữa cho bé
            safe_delivery | chồng em đánh em khi em đang cho bé ăn dặm
            """)
    void a_report_of_what_someone_did_to_her_gets_no_answer(String topic, String text) {
        assertThat(answers.answerFor(topic, text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> none")
    @CsvSource(delimiter = '|', textBlock = """
            safe_delivery | đặt vòng có mất tiền không chị
            safe_delivery | em muốn hỏi về tránh thai sau sinh
            safe_delivery | có thai ngoài ý muốn thì phải làm sao
            safe_delivery | mang thai lần đầu nên ăn uống thế nào
            safe_delivery | bé nhà em bị sốt 2 ngày rồi
            safe_delivery | em có bầu cần tiêm phòng gì
            safe_delivery | tiêm phòng uốn ván khi có thai
            safe_delivery | e co bau 6 thang an gi
            safe_delivery | có bầu cần ăn bổ sung gì
            safe_delivery | em mới sinh nên ăn cháo gì cho nhiều sữa
            safe_delivery | dạ vâng ạ
            savings_loans | em muốn tiết kiệm tiền thì làm sao
            savings_loans | tổ tiết kiệm ở thôn em góp mỗi tháng bao nhiêu
            """)
    void words_that_several_answers_speak_of_or_two_answers_level_choose_none(String topic, String text) {
        assertThat(answers.answerFor(topic, text)).as(text).isEmpty();
    }

    private static String question(String name) {
        try {
            return (String) AnswersTest.class.getDeclaredField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** The shipped entries, numbered in the file's order as the first start writes them. */
    private static Answers shipped() {
        List<KnowledgeEntry> entries = new ArrayList<>();
        List<EntryChange> bundled = DefaultKnowledge.bundled();
        for (int i = 0; i < bundled.size(); i++) {
            EntryChange e = bundled.get(i);
            entries.add(new KnowledgeEntry(i + 1, e.topic(), e.question(), e.answer(), Keywords.phrases(e.keywords()), true));
        }
        return new Answers(entries);
    }
}
