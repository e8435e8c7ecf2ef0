package vn.kontum.hotline.secrets;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a change of key: every text still sealed with a previous key ({@code HOTLINE_ENCRYPTION_KEY_PREVIOUS}) is
 * sealed again with the current one, in the background, while the hotline runs (values sealed with either key open
 * meanwhile). Each row is written only if it has not changed since it was read, so a text erased or written meanwhile
 * is left as it is; two nodes doing it at once do no harm. The Zalo tokens are sealed again at their next refresh.
 */
@Component
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int PAGE = 500;
    /** Tables and their sealed text column: names fixed here, never from input. */
    private static final List<List<String>> COLUMNS = List.of(List.of("message", "body"), List.of("case_note", "body"),
            List.of("case_transfer", "reason"));

    private final JdbcClient jdbc;
    private final ContentCipher content;
    private final SecretCipher cipher;

    KeyRotation(JdbcClient jdbc, ContentCipher content, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.content = content;
        this.cipher = cipher;
    }

    /** How many texts were sealed again, and how many no configured key opens (left as they are). */
    record Result(int sealedAgain, int unreadable) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (cipher.hasPreviousKeys()) {
            Thread.ofVirtual().name("key-rotation").start(() -> {
                try {
                    sealAgain();
                } catch (RuntimeException e) {
                    log.error("encryption key rotation stopped ({}); it starts again with the next start", e.getClass().getSimpleName());
                }
            });
        }
    }

    Result sealAgain() {
        long started = System.nanoTime();
        int again = 0;
        int unreadable = 0;
        for (List<String> sealedColumn : COLUMNS) {
            String table = sealedColumn.get(0);
            String column = sealedColumn.get(1);
            long after = 0;
            while (true) {
                List<Row> rows = jdbc.sql("select id, " + column + " from " + table + " where id > :after and " + column + " like 'v1:%' order by id fetch first "
                                + PAGE + " rows only")
                        .param("after", after).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
                if (rows.isEmpty()) {
                    break;
                }
                for (Row row : rows) {
                    try {
                        var sealed = content.sealedAgain(row.body());
                        if (sealed.isPresent()) {
                            again += jdbc.sql("update " + table + " set " + column + " = :new where id = :id and " + column + " = :old")
                                    .param("new", sealed.get()).param("id", row.id()).param("old", row.body()).update();
                        }
                    } catch (IllegalStateException noKeyOpensIt) {
                        unreadable++;
                    }
                }
                after = rows.getLast().id();
            }
        }
        log.info("encryption key rotation: {} texts sealed again with the current key, {} opened by no configured key, in {} ms",
                again, unreadable, (System.nanoTime() - started) / 1_000_000);
        return new Result(again, unreadable);
    }

    private record Row(long id, String body) {
    }
}
