package vn.kontum.hotline.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;

/**
 * Purges what was said in a case some time after it was closed: sooner for violence and trafficking than for
 * questions about childbirth or savings. Texts, attachments and officers' notes go; the case, its category,
 * times and village stay, so the statistics stay. Running it twice, or on two nodes at once, does no harm.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<String> sensitive;
    private final Duration keepSensitive;
    private final Duration keepOther;

    RetentionJob(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                 @Value("${hotline.retention.sensitive-categories:violence,trafficking}") List<String> sensitive,
                 @Value("${hotline.retention.sensitive:P180D}") Duration keepSensitive,
                 @Value("${hotline.retention.other:P730D}") Duration keepOther) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.sensitive = List.copyOf(sensitive);
        this.keepSensitive = keepSensitive;
        this.keepOther = keepOther;
    }

    @Scheduled(fixedDelayString = "${hotline.retention.every:PT1H}", initialDelayString = "${hotline.retention.first-after:PT5M}")
    public void run() {
        try {
            purgeDue();
        } catch (RuntimeException e) {
            log.warn("retention run failed ({}); next run tries again", e.getClass().getSimpleName());
        }
    }

    /** Purges every closed case past its time; returns how many cases were purged. */
    public int purgeDue() {
        OffsetDateTime now = HotlineClock.now(clock);
        List<Long> due = jdbc.sql("""
                        select id from help_case
                        where status = 'CLOSED' and content_purged_at is null
                          and ((category in (:sensitive) and closed_at < :sensitiveBefore)
                               or (category not in (:sensitive) and closed_at < :otherBefore))
                        order by id fetch first 500 rows only""")
                .param("sensitive", sensitive).param("sensitiveBefore", now.minus(keepSensitive)).param("otherBefore", now.minus(keepOther))
                .query(Long.class).list();
        for (long caseId : due) {
            tx.executeWithoutResult(status -> purge(caseId, now));
        }
        if (!due.isEmpty()) {
            log.info("retention purged the content of {} closed cases", due.size());
        }
        return due.size();
    }

    private void purge(long caseId, OffsetDateTime now) {
        // Marked first, and only while still closed: a case reopened meanwhile keeps its content.
        int marked = jdbc.sql("update help_case set content_purged_at = :now where id = :case and status = 'CLOSED' and content_purged_at is null")
                .param("now", now).param("case", caseId).update();
        if (marked == 0) {
            return;
        }
        jdbc.sql("""
                        update message set body = null, attachment_ref = null, choices = null, erased_at = coalesce(erased_at, :now)
                        where case_id = :case""")
                .param("now", now).param("case", caseId).update();
        jdbc.sql("delete from case_note where case_id = :case").param("case", caseId).update();
        // Who moved the case and when stay (statistics, audit); why, written about her, goes with her words.
        jdbc.sql("update case_transfer set reason = '' where case_id = :case").param("case", caseId).update();
    }
}
