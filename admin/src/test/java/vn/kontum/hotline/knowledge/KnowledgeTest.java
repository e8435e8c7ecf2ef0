package vn.kontum.hotline.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped answers are found for questions typed with or without diacritics and in teencode, never for another
 * topic; a coordinator's edit counts for the next question; only coordinators and administrators keep the entries.
 */
class KnowledgeTest extends HotlineIntegrationTest {

    private static final String VACCINATION = "Bé cần tiêm chủng những mũi nào và tiêm ở đâu?";
    private static final String JAUNDICE = "Bé bị vàng da, vàng mắt thì làm thế nào?";
    private static final String FEEDING = "Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?";
    private static final String NEWBORN = "Chăm sóc trẻ sơ sinh và cho con bú thế nào?";

    @Autowired
    Knowledge knowledge;
    @Autowired
    KnowledgeEntries entries;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "knowledge-union", "pw-knowledge-union", "Chị Giải Đáp", Officers.WOMENS_UNION);
    }

    /**
     * Every shipped entry is in use, once: on a new database the upgrade for the baby's health answers (V22) runs before
     * the first start and finds no shipped entries to add to, and the first start writes the whole file.
     */
    @Test
    void the_shipped_entries_cover_safe_delivery_and_savings_and_fit_one_message() {
        List<EntryChange> shipped = DefaultKnowledge.bundled();
        assertThat(shipped).filteredOn(e -> e.topic().equals("safe_delivery")).hasSize(10);
        assertThat(shipped).filteredOn(e -> e.topic().equals("savings_loans")).hasSize(7);
        List<KnowledgeEntry> written = entries.all();
        assertThat(shipped).allSatisfy(e -> assertThat(written).as(e.question()).filteredOn(w -> w.question().equals(e.question()))
                .singleElement().satisfies(w -> assertThat(w.active()).isTrue()));
        assertThat(shipped.stream().map(EntryChange::question)).contains(VACCINATION, JAUNDICE, FEEDING, NEWBORN);
        assertThat(DefaultKnowledge.bundled()).allSatisfy(e -> {
            assertThat(e.answer().length()).isLessThanOrEqualTo(KnowledgeEntries.MAX_ANSWER);
            assertThat(e.keywords()).isNotBlank();
        });
        assertThat(DefaultKnowledge.bundled()).anySatisfy(e -> assertThat(e.answer()).contains("ít nhất 4 lần"));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            safe_delivery | Khám thai mấy lần hả chị?                       | Khám thai bao nhiêu lần và khi nào?
            safe_delivery | kham thai may lan                               | Khám thai bao nhiêu lần và khi nào?
            safe_delivery | e co bau thi kham o dau                         | Khám thai bao nhiêu lần và khi nào?
            safe_delivery | KHÁM THAI Ở ĐÂU???                              | Khám thai bao nhiêu lần và khi nào?
            safe_delivery | e sap de roi, nen de o nha hay di tram y te     | Nên sinh con ở đâu?
            safe_delivery | em có bầu 7 tháng, ra máu và đau bụng quá        | Khi mang thai, dấu hiệu nào là nguy hiểm?
            safe_delivery | bau may thang roi thay dau hieu gi thi phai di vien ngay | Khi mang thai, dấu hiệu nào là nguy hiểm?
            safe_delivery | sau sinh dc 1 tuan e bi sot                     | Sau khi sinh, mẹ cần chăm sóc thế nào và khi nào phải đi khám ngay?
            safe_delivery | be moi sinh thi cho bu sua me the nao           | Chăm sóc trẻ sơ sinh và cho con bú thế nào?
            safe_delivery | trẻ sơ sinh cần chăm sóc thế nào                | Chăm sóc trẻ sơ sinh và cho con bú thế nào?
            safe_delivery | ít sữa quá con bú không đủ                       | Chăm sóc trẻ sơ sinh và cho con bú thế nào?
            safe_delivery | rốn của bé bị sưng đỏ                            | Chăm sóc trẻ sơ sinh và cho con bú thế nào?
            safe_delivery | bé 2 tháng tiêm mũi gì                           | Bé cần tiêm chủng những mũi nào và tiêm ở đâu?
            safe_delivery | tiem phong cho con o dau                        | Bé cần tiêm chủng những mũi nào và tiêm ở đâu?
            safe_delivery | e mat so tiem chung cua be r                    | Bé cần tiêm chủng những mũi nào và tiêm ở đâu?
            safe_delivery | bé sơ sinh cần tiêm chủng gì                     | Bé cần tiêm chủng những mũi nào và tiêm ở đâu?
            safe_delivery | tiêm chủng ở đâu                                | Bé cần tiêm chủng những mũi nào và tiêm ở đâu?
            safe_delivery | bé vàng da                                      | Bé bị vàng da, vàng mắt thì làm thế nào?
            safe_delivery | con e bi vang da                                | Bé bị vàng da, vàng mắt thì làm thế nào?
            safe_delivery | vang da co sao k                                | Bé bị vàng da, vàng mắt thì làm thế nào?
            safe_delivery | be so sinh vang mat                             | Bé bị vàng da, vàng mắt thì làm thế nào?
            safe_delivery | BÉ BỊ VÀNG DA CÓ PHẢI CHIẾU ĐÈN KHÔNG           | Bé bị vàng da, vàng mắt thì làm thế nào?
            safe_delivery | khi nào cho bé ăn cháo                          | Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?
            safe_delivery | be 6 thang an gi                                | Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?
            safe_delivery | mấy tháng thì cho bé ăn dặm                     | Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?
            safe_delivery | bao gio cai sua cho be                          | Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?
            safe_delivery | cho con bú đến khi nào thì cai sữa              | Khi nào cho bé ăn dặm, ăn gì và khi nào cai sữa?
            safe_delivery | đi sinh ở trạm có được hỗ trợ tiền không        | Khi đi khám thai, sinh con có được hỗ trợ gì không?
            safe_delivery | e muon dat vong tranh thai                      | Muốn tránh thai, kế hoạch hóa gia đình thì hỏi ở đâu?
            savings_loans | vay von can giay to gi                          | Vay vốn ưu đãi của Ngân hàng Chính sách xã hội cần giấy tờ gì?
            savings_loans | Vay vốn ngân hàng chính sách cần giấy tờ gì ạ   | Vay vốn ưu đãi của Ngân hàng Chính sách xã hội cần giấy tờ gì?
            savings_loans | mk mún tham gia tổ tiết kiệm ở thôn            | Làm sao để tham gia tổ tiết kiệm ở thôn?
            savings_loans | to tiet kiem hoat dong the nao, lai suat bn     | Tổ tiết kiệm và vay vốn hoạt động thế nào?
            savings_loans | e dệt thổ cẩm mà k bít bán ở đâu               | Làm sao bán được sản phẩm mình làm ra?
            savings_loans | e muon hoc nghe may                             | Muốn học nghề thì hỏi ở đâu?
            savings_loans | bi vay nang lai qua app, bi doi no              | Vay nặng lãi, vay qua ứng dụng có nguy hiểm không?
            savings_loans | lập nhóm sinh kế chăn nuôi thế nào              | Nhóm sinh kế, tổ hợp tác, hợp tác xã là gì và tham gia thế nào?
            """)
    void a_question_finds_its_answer_with_or_without_diacritics_and_in_teencode(String topic, String text, String question) {
        Optional<KnowledgeAnswer> answer = knowledge.answerFor(topic, text);
        assertThat(answer).as(text).isPresent();
        assertThat(answer.get().question()).isEqualTo(question);
        assertThat(answer.get().answer()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> nothing")
    @CsvSource(delimiter = '|', textBlock = """
            savings_loans | kham thai may lan
            savings_loans | e co bau thi kham o dau
            safe_delivery | vay von can giay to gi
            safe_delivery | mk mún tham gia tổ tiết kiệm ở thôn
            violence      | chồng em đánh em, em có bầu
            other         | khám thai mấy lần
            safe_delivery | chào chị
            violence      | chồng em đánh em, bé nhà em bị vàng da
            safe_delivery | chong em danh con em bi vang da
            safe_delivery | ck e k cho con di tiem chung
            savings_loans | con e bi vang da
            other         | tiem phong cho con o dau
            safe_delivery | em có bầu cần tiêm phòng gì
            safe_delivery | e co bau 6 thang an gi
            safe_delivery | da vang e cam on
            safe_delivery | '   '
            savings_loans | để em nói lại                                    
            """)
    void a_question_of_another_topic_a_report_or_a_question_no_answer_fits_finds_nothing(String topic, String text) {
        assertThat(knowledge.answerFor(topic, text == null ? "" : text)).as(text).isEmpty();
    }

    @Test
    void words_match_whole_words_only() {
        assertThat(Keywords.contains(Keywords.words("em muốn vay tiền"), Keywords.words("vay tiền"))).isTrue();
        assertThat(Keywords.contains(Keywords.words("em muốn vay tiềnnn nhanh"), Keywords.words("vay"))).isTrue();
        assertThat(Keywords.contains(Keywords.words("khamthai"), Keywords.words("khám thai"))).isFalse();
        assertThat(Keywords.contains(Keywords.words("khám thai"), Keywords.words("khám thai mấy lần"))).isFalse();
        assertThat(Keywords.words("E CÓ BẦU")).containsExactly("em", "co", "bau");
    }

    @Test
    void a_coordinators_new_edited_and_deactivated_entry_counts_for_the_next_question() {
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String page = coordinator.submit("/admin/knowledge", Map.of("topic", "safe_delivery", "question", "Tiêm phòng uốn ván <b>khi nào</b>?",
                "answer", "Bạn hãy hỏi trạm y tế xã về lịch tiêm phòng uốn ván.", "keywords", "uốn ván, tiêm phòng uốn ván")).body();
        assertThat(page).contains("Đã lưu thay đổi.").contains("Tiêm phòng uốn ván &lt;b&gt;khi nào&lt;/b&gt;?").contains("uốn ván, tiêm phòng uốn ván");
        long id = jdbc.sql("select id from knowledge_entry where question like 'Tiêm phòng uốn ván%'").query(Long.class).single();
        assertThat(knowledge.answerFor("safe_delivery", "tiem phong uon van lúc nào")).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(id));

        assertThat(coordinator.get("/admin/knowledge/" + id).body()).contains("Sửa mục giải đáp").contains("uốn ván, tiêm phòng uốn ván</textarea>");
        coordinator.submit("/admin/knowledge/" + id, Map.of("topic", "safe_delivery", "question", "Tiêm phòng khi mang thai?",
                "answer", "Bạn hãy hỏi trạm y tế xã về lịch tiêm phòng khi mang thai.", "keywords", "tiêm phòng khi có thai\nuv"));
        assertThat(knowledge.answerFor("safe_delivery", "tiem phong uon van lúc nào").map(KnowledgeAnswer::id)).isNotEqualTo(Optional.of(id));
        assertThat(knowledge.answerFor("safe_delivery", "tiêm phòng khi có thai ntn")).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.question()).isEqualTo("Tiêm phòng khi mang thai?");
            assertThat(a.answer()).isEqualTo("Bạn hãy hỏi trạm y tế xã về lịch tiêm phòng khi mang thai.");
        });

        assertThat(coordinator.submit("/admin/knowledge/" + id + "/deactivate", Map.of()).body()).contains("Ngừng dùng");
        // Deactivated, it is no longer found ("có thai" alone, which the contraception entry speaks of too, finds none).
        assertThat(knowledge.answerFor("safe_delivery", "tiêm phòng khi có thai ntn").map(KnowledgeAnswer::id)).isNotEqualTo(Optional.of(id));
        coordinator.submit("/admin/knowledge/" + id + "/activate", Map.of());
        assertThat(knowledge.answerFor("safe_delivery", "tiêm phòng khi có thai ntn").map(KnowledgeAnswer::id)).contains(id);
        coordinator.submit("/admin/knowledge/" + id + "/deactivate", Map.of());
    }

    @Test
    void an_edit_made_on_another_node_counts_within_seconds() {
        KnowledgeAnswer before = knowledge.answerFor("safe_delivery", "kham thai may lan").orElseThrow();
        String answer = "Bạn nên khám thai ít nhất 4 lần; trạm y tế xã hẹn lịch cho bạn (sửa ở máy chủ khác).";
        // What the other node does: the entry changes in the shared database, then the version in the shared Redis.
        jdbc.sql("update knowledge_entry set answer = :a where id = :id").param("a", answer).param("id", before.id()).update();
        redis.opsForValue().set(KnowledgeEntries.VERSION_KEY, "another node's edit");

        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(knowledge.answerFor("safe_delivery", "kham thai may lan")).hasValueSatisfying(a -> assertThat(a.answer()).isEqualTo(answer)));
        } finally {
            // The shipped answer back for the other tests, whatever happened here.
            jdbc.sql("update knowledge_entry set answer = :a where id = :id").param("a", before.answer()).param("id", before.id()).update();
            redis.opsForValue().set(KnowledgeEntries.VERSION_KEY, "another node's edit undone");
        }
    }

    /**
     * A hotline that wrote the shipped answers at its first start, before they said "bạn": the upgrade's migration
     * rewrites those still as shipped, and leaves an answer a coordinator edited as she wrote it.
     */
    @Test
    void the_upgrade_has_the_answers_a_running_hotline_shipped_say_ban_but_leaves_those_coordinators_edited() throws Exception {
        String question = "Khám thai bao nhiêu lần và khi nào?";
        String shipped = "Bộ Y tế khuyên mỗi lần mang thai nên đi khám thai ít nhất 4 lần: lần đầu trong 3 tháng đầu (càng sớm càng tốt "
                + "khi biết có thai), rồi khoảng tuần thứ 22, tuần thứ 32 và tuần thứ 36–38. Chị có thể khám thai tại trạm y tế "
                + "xã, phường gần nhà; cán bộ trạm y tế sẽ hẹn lịch cụ thể cho chị và dặn những việc cần làm như tiêm phòng uốn "
                + "ván, uống viên sắt. Nếu thấy điều gì bất thường thì đi khám ngay, không chờ đến lịch hẹn.";
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (Long by : java.util.Arrays.asList(null, admin)) {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                            insert into knowledge_entry (topic, question, answer, keywords, active, updated_by, updated_at)
                            values ('safe_delivery', :q, :a, 'khám thai cũ', false, :by, current_timestamp)""")
                    .param("q", question).param("a", shipped).param("by", by).update(key, "id");
            ids.add(key.getKeyAs(Long.class));
        }
        try {
            String migration;
            try (var in = getClass().getResourceAsStream("/db/migration/V21__knowledge_answers_say_ban.sql")) {
                migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
            String now = jdbc.sql("select answer from knowledge_entry where id = :id").param("id", ids.get(0)).query(String.class).single();
            assertThat(now).isEqualTo(DefaultKnowledge.bundled().stream().filter(e -> e.question().equals(question)).findFirst().orElseThrow().answer())
                    .contains("cho bạn").doesNotContain("chị");
            assertThat(jdbc.sql("select answer from knowledge_entry where id = :id").param("id", ids.get(1)).query(String.class).single())
                    .isEqualTo(shipped);
        } finally {
            jdbc.sql("delete from knowledge_entry where id in (:ids)").param("ids", ids).update();
        }
    }

    /**
     * A hotline that wrote the shipped answers at its first start, before the baby's health answers were shipped: the
     * upgrade's migration adds them once, as the file has them, and takes vaccination and jaundice out of the newborn
     * entry's keywords as shipped, not out of an entry a coordinator edited. Before the first start (no seed yet) it
     * writes nothing: the first start writes the file.
     */
    @Test
    void the_upgrade_adds_the_baby_health_answers_to_a_running_hotline_once_and_leaves_a_new_one_to_its_first_start() throws Exception {
        List<String> added = List.of(VACCINATION, JAUNDICE, FEEDING);
        String shippedBefore = "cho con bú, cho bé bú, bú mẹ, bú sữa, sữa mẹ, sữa non, mất sữa, ít sữa, không có sữa, trẻ sơ sinh, bé sơ sinh, "
                + "trẻ mới sinh, bé mới sinh, chăm con, chăm sóc bé, chăm sóc con, tiêm chủng, tiêm phòng cho bé, rốn, vàng da";
        Map<String, EntryChange> shipped = new java.util.HashMap<>();
        DefaultKnowledge.bundled().forEach(e -> shipped.put(e.question(), e));
        long newborn = jdbc.sql("select id from knowledge_entry where question = :q").param("q", NEWBORN).query(Long.class).single();
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        java.time.OffsetDateTime seededAt = jdbc.sql("select seeded_at from first_start_seed where name = 'knowledge'")
                .query(java.time.OffsetDateTime.class).single();
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V22__knowledge_baby_health_answers.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // As before the upgrade: the three are not there, the newborn entry speaks of vaccination and jaundice, and
        // a coordinator's edited copy of it (inactive) too.
        jdbc.sql("update knowledge_entry set question = question || ' (before)' where question in (:q)").param("q", added).update();
        jdbc.sql("update knowledge_entry set keywords = :k where id = :id").param("k", shippedBefore).param("id", newborn).update();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into knowledge_entry (topic, question, answer, keywords, active, updated_by, updated_at)
                        values ('safe_delivery', :q, 'Sửa bởi điều phối viên.', :k, false, :by, current_timestamp)""")
                .param("q", NEWBORN).param("k", shippedBefore).param("by", admin).update(key, "id");
        long edited = key.getKeyAs(Long.class);
        try {
            jdbc.sql("delete from first_start_seed where name = 'knowledge'").update();
            run(migration);
            assertThat(jdbc.sql("select count(*) from knowledge_entry where question in (:q)").param("q", added).query(Long.class).single())
                    .as("before the first start").isZero();
            jdbc.sql("insert into first_start_seed (name, seeded_at) values ('knowledge', :at)").param("at", seededAt).update();

            run(migration);
            run(migration);
            for (String question : added) {
                assertThat(jdbc.sql("select topic, answer, keywords, active, updated_by from knowledge_entry where question = :q")
                        .param("q", question).query().listOfRows()).as(question).singleElement().satisfies(row -> {
                            assertThat(row.get("topic")).isEqualTo("safe_delivery");
                            assertThat(row.get("answer")).isEqualTo(shipped.get(question).answer());
                            assertThat(row.get("keywords")).isEqualTo(shipped.get(question).keywords());
                            assertThat(row.get("active")).isEqualTo(true);
                            assertThat(row.get("updated_by")).isNull();
                        });
            }
            assertThat(jdbc.sql("select keywords from knowledge_entry where id = :id").param("id", newborn).query(String.class).single())
                    .isEqualTo(shipped.get(NEWBORN).keywords()).doesNotContain("tiêm chủng").doesNotContain("vàng da");
            assertThat(jdbc.sql("select keywords from knowledge_entry where id = :id").param("id", edited).query(String.class).single())
                    .isEqualTo(shippedBefore);
        } finally {
            jdbc.sql("delete from knowledge_entry where question in (:q) or id = :edited").param("q", added).param("edited", edited).update();
            for (String question : added) {
                jdbc.sql("update knowledge_entry set question = :q where question = :before").param("q", question)
                        .param("before", question + " (before)").update();
            }
            jdbc.sql("update knowledge_entry set keywords = :k where id = :id").param("k", shipped.get(NEWBORN).keywords()).param("id", newborn).update();
            if (jdbc.sql("select count(*) from first_start_seed where name = 'knowledge'").query(Long.class).single() == 0) {
                jdbc.sql("insert into first_start_seed (name, seeded_at) values ('knowledge', :at)").param("at", seededAt).update();
            }
            redis.opsForValue().set(KnowledgeEntries.VERSION_KEY, "baby health upgrade undone");
        }
    }

    private void run(String migration) {
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
    }

    @Test
    void an_empty_or_too_long_entry_or_one_without_keywords_is_refused() {
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        long before = jdbc.sql("select count(*) from knowledge_entry").query(Long.class).single();
        assertThat(coordinator.submit("/admin/knowledge", Map.of("topic", "safe_delivery", "question", " ", "answer", "x", "keywords", "y"))
                .body()).contains("Hãy nhập nội dung.");
        assertThat(coordinator.submit("/admin/knowledge", Map.of("topic", "safe_delivery", "question", "q", "answer", "x".repeat(901),
                "keywords", "y")).body()).contains("Nội dung quá dài.");
        assertThat(coordinator.submit("/admin/knowledge", Map.of("topic", "safe_delivery", "question", "q", "answer", "a", "keywords", " , ;"))
                .body()).contains("Hãy nhập ít nhất một từ khoá.");
        assertThat(coordinator.submit("/admin/knowledge", Map.of("topic", "Sinh đẻ", "question", "q", "answer", "a", "keywords", "k"))
                .body()).contains("Lĩnh vực phải là một nhãn viết thường");
        assertThat(jdbc.sql("select count(*) from knowledge_entry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void officers_get_403_and_every_change_needs_the_csrf_token() {
        long id = jdbc.sql("select min(id) from knowledge_entry").query(Long.class).single();
        OfficerClient officer = OfficerClient.loggedIn(url(""), "knowledge-union", "pw-knowledge-union");
        assertThat(officer.get("/admin/knowledge").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin/knowledge/" + id).statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/knowledge", Map.of("topic", "safe_delivery", "question", "q", "answer", "a", "keywords", "k"))
                .statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/knowledge/" + id + "/deactivate").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin").body()).doesNotContain("href=\"/admin/knowledge\"");

        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(coordinator.get("/admin/knowledge").statusCode()).isEqualTo(200);
        assertThat(coordinator.get("/admin/knowledge").body()).contains("Giải đáp thường gặp").contains("ít nhất 4 lần")
                .contains("href=\"/admin/knowledge\"").doesNotContain("<script>");
        assertThat(coordinator.postForm("/admin/knowledge/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select active from knowledge_entry where id = :id").param("id", id).query(Boolean.class).single()).isTrue();
    }
}
