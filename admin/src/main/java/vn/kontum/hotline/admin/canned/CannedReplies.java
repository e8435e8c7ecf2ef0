package vn.kontum.hotline.admin.canned;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;

/** The prepared answers. Removing one only hides it, so that what was offered stays on record. */
@Component
public class CannedReplies {

    private final JdbcClient jdbc;
    private final Clock clock;

    CannedReplies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CannedReply> all() {
        return jdbc.sql("select id, title, body from canned_reply where active order by title, id")
                .query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<CannedReply> find(long id) {
        return jdbc.sql("select id, title, body from canned_reply where active and id = :id").param("id", id)
                .query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    void add(String title, String text, long accountId) {
        jdbc.sql("""
                        insert into canned_reply (title, body, active, created_by, created_at)
                        values (:title, :body, true, :by, :now)""")
                .param("title", title).param("body", text).param("by", accountId).param("now", HotlineClock.now(clock)).update();
    }

    void remove(long id) {
        jdbc.sql("update canned_reply set active = false where id = :id").param("id", id).update();
    }
}
