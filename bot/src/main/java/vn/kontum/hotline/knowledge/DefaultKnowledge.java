package vn.kontum.hotline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.kontum.hotline.HotlineClock;

/**
 * Writes the knowledge entries shipped with the hotline ({@code knowledge/faq-vi.yml}) once, at first start;
 * from then on coordinators keep them on their page.
 */
@Component
class DefaultKnowledge implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DefaultKnowledge.class);
    static final String SEED = "knowledge";
    static final String FILE = "knowledge/faq-vi.yml";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DefaultKnowledge(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (jdbc.sql("select count(*) from first_start_seed where name = :n").param("n", SEED).query(Long.class).single() > 0) {
            return;
        }
        List<EntryChange> entries = bundled();
        try {
            tx.executeWithoutResult(status -> {
                // The marker first: a second node starting at the same moment fails here and writes nothing.
                jdbc.sql("insert into first_start_seed (name, seeded_at) values (:n, :now)")
                        .param("n", SEED).param("now", HotlineClock.now(clock)).update();
                for (EntryChange e : entries) {
                    jdbc.sql("""
                                    insert into knowledge_entry (topic, question, answer, keywords, active, updated_at)
                                    values (:topic, :question, :answer, :keywords, true, :now)""")
                            .param("topic", e.topic()).param("question", e.question()).param("answer", e.answer())
                            .param("keywords", e.keywords()).param("now", HotlineClock.now(clock)).update();
                }
            });
            log.info("knowledge entries written from {}: {}", FILE, entries.size());
        } catch (DuplicateKeyException e) {
            log.info("knowledge entries already written by another node");
        }
    }

    /** The shipped entries, checked as a coordinator's would be: a mistake in the file stops the start. */
    static List<EntryChange> bundled() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<String, List<Map<String, Object>>> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return data.get("entries").stream().map(DefaultKnowledge::entry).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private static EntryChange entry(Map<String, Object> e) {
        try {
            return KnowledgeEntries.checked(new EntryChange(String.valueOf(e.get("topic")), String.valueOf(e.get("question")),
                    String.valueOf(e.get("answer")), String.join(", ", ((List<?>) e.get("keywords")).stream().map(String::valueOf).toList())));
        } catch (KnowledgeEntries.Refused refused) {
            throw new IllegalStateException(FILE + ": entry '" + e.get("question") + "' refused: " + refused.key, refused);
        }
    }
}
