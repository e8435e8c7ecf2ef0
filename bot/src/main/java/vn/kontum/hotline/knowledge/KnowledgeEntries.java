package vn.kontum.hotline.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.redis.SharedVersion;

/** The knowledge entries coordinators keep. Removing one only hides it, so that what was answered stays on record. */
@Component
public class KnowledgeEntries {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeEntries.class);

    public static final int MAX_QUESTION = 200;
    /** An answer fits one chat message on every channel, with room for the offer of a person. */
    public static final int MAX_ANSWER = 900;
    public static final int MAX_KEYWORDS = 2000;
    /** Any topic label may be used; the classifier's are safe_delivery, savings_loans, violence, trafficking, other. */
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    /** A change refused for a reason a coordinator can read; {@code key} is in the message bundles. */
    public static final class Refused extends RuntimeException {
        public final String key;

        public Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    static final String VERSION_KEY = "hotline:knowledge:version";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SharedVersion version;

    KnowledgeEntries(JdbcClient jdbc, Clock clock, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.version = new SharedVersion(redis, VERSION_KEY);
    }

    /** Every entry, those in use first, by topic and question. */
    public List<KnowledgeEntry> all() {
        return jdbc.sql("select id, topic, question, answer, keywords, active from knowledge_entry order by active desc, topic, question, id")
                .query((rs, n) -> entry(rs)).list();
    }

    public Optional<KnowledgeEntry> find(long id) {
        return jdbc.sql("select id, topic, question, answer, keywords, active from knowledge_entry where id = :id").param("id", id)
                .query((rs, n) -> entry(rs)).optional();
    }

    /** Entries in use, lowest id first. */
    List<KnowledgeEntry> active() {
        return jdbc.sql("select id, topic, question, answer, keywords, active from knowledge_entry where active order by id")
                .query((rs, n) -> entry(rs)).list();
    }

    /** Changed after every change, so that every node's {@link Knowledge} reads the entries again. */
    SharedVersion version() {
        return version;
    }

    private void changed() {
        version.changed();
    }

    public long add(EntryChange change, long accountId) {
        EntryChange c = checked(change);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into knowledge_entry (topic, question, answer, keywords, active, updated_by, updated_at)
                        values (:topic, :question, :answer, :keywords, true, :by, :now)""")
                .param("topic", c.topic()).param("question", c.question()).param("answer", c.answer()).param("keywords", c.keywords())
                .param("by", accountId).param("now", HotlineClock.now(clock)).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class));
        changed();
        log.info("knowledge entry {} ({}) added by account {}", id, c.topic(), accountId);
        return id;
    }

    public void update(long id, EntryChange change, long accountId) {
        EntryChange c = checked(change);
        int updated = jdbc.sql("""
                        update knowledge_entry set topic = :topic, question = :question, answer = :answer, keywords = :keywords,
                               updated_by = :by, updated_at = :now
                        where id = :id""")
                .param("topic", c.topic()).param("question", c.question()).param("answer", c.answer()).param("keywords", c.keywords())
                .param("by", accountId).param("now", HotlineClock.now(clock)).param("id", id).update();
        if (updated == 0) {
            throw new Refused("knowledge.refused.unknown-entry");
        }
        changed();
        log.info("knowledge entry {} ({}) changed by account {}", id, c.topic(), accountId);
    }

    public void setActive(long id, boolean active, long accountId) {
        int updated = jdbc.sql("update knowledge_entry set active = :active, updated_by = :by, updated_at = :now where id = :id")
                .param("active", active).param("by", accountId).param("now", HotlineClock.now(clock)).param("id", id).update();
        if (updated == 0) {
            throw new Refused("knowledge.refused.unknown-entry");
        }
        changed();
        log.info("knowledge entry {} {} by account {}", id, active ? "activated" : "deactivated", accountId);
    }

    /** The change trimmed, keywords rewritten one way; refused when empty, too long or without a usable keyword. */
    static EntryChange checked(EntryChange change) {
        String topic = change.topic().strip();
        String question = change.question().strip();
        String answer = change.answer().strip();
        List<String> phrases = Keywords.phrases(change.keywords());
        if (!TOPIC.matcher(topic).matches()) {
            throw new Refused("knowledge.refused.topic");
        }
        if (question.isEmpty() || answer.isEmpty()) {
            throw new Refused("admin.refused.empty");
        }
        if (question.length() > MAX_QUESTION || answer.length() > MAX_ANSWER) {
            throw new Refused("admin.refused.too-long");
        }
        if (phrases.stream().allMatch(p -> Keywords.words(p).isEmpty())) {
            throw new Refused("knowledge.refused.keywords");
        }
        String keywords = String.join(", ", phrases);
        if (keywords.length() > MAX_KEYWORDS) {
            throw new Refused("admin.refused.too-long");
        }
        return new EntryChange(topic, question, answer, keywords);
    }

    private static KnowledgeEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new KnowledgeEntry(rs.getLong("id"), rs.getString("topic"), rs.getString("question"), rs.getString("answer"),
                Keywords.phrases(rs.getString("keywords")), rs.getBoolean("active"));
    }
}
