package vn.kontum.hotline.oncall.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.cases.CaseRelocated;
import vn.kontum.hotline.cases.UrgentCaseRaised;

/**
 * Urgent alerts: written when a case becomes urgent, in the transaction that made it urgent (so that an alert
 * cannot be lost between the commit and the send), sent at once after the commit, acknowledged by the first
 * officer who takes notice.
 */
@Component
public class UrgentAlerts {

    private static final Logger log = LoggerFactory.getLogger(UrgentAlerts.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final boolean acknowledgeOnView;
    private final RoundRunner runner;

    UrgentAlerts(JdbcClient jdbc, PlatformTransactionManager transactions, AlertRounds rounds, Clock clock,
                 @Value("${hotline.escalation.acknowledge-on-view:true}") boolean acknowledgeOnView) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.runner = new RoundRunner(rounds, clock);
        this.acknowledgeOnView = acknowledgeOnView;
    }

    /**
     * Writes the alert, due now, unless the case already has one nobody has acknowledged. In a savepoint: should
     * this fail, the woman's message is still processed and answered, and the sweeper's backstop raises the alert.
     */
    @EventListener
    public void raised(UrgentCaseRaised event) {
        try {
            savepoint.executeWithoutResult(status -> record(event));
        } catch (RuntimeException e) {
            log.error("urgent alert for case {} not written ({}); the sweeper will raise it", event.caseId(), e.getClass().getSimpleName());
        }
    }

    /** Inserts the alert if the case has no unacknowledged one; returns whether it did. */
    boolean record(UrgentCaseRaised event) {
        int inserted = jdbc.sql("""
                        insert into urgent_alert (case_id, service_point_id, category, raised_at, rounds_done, next_round_at, created_at)
                        select :case, :sp, :category, :at, 0, :at, :now from service_point
                        where id = :sp and not exists (select 1 from urgent_alert where case_id = :case and acknowledged_at is null)""")
                .param("case", event.caseId()).param("sp", event.servicePointId()).param("category", event.category())
                .param("at", event.at()).param("now", HotlineClock.now(clock)).update();
        if (inserted > 0) {
            log.info("urgent alert raised for case {} category={} servicePoint={}", event.caseId(), event.category(), event.servicePointId());
        }
        return inserted > 0;
    }

    /** After the commit, the first round goes out at once, off the message's own thread (its answer must not wait). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void committed(UrgentCaseRaised event) {
        runner.runSoon();
    }

    /**
     * One pass over the due alerts at a time: a pass sends every alert due when it starts, so the cases raised
     * while it runs need one more pass, not one each (a burst of urgent messages once started a pass per case,
     * all racing for the same rows).
     */
    private static final class RoundRunner {
        private final AtomicBoolean wanted = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean();
        private final AlertRounds rounds;
        private final Clock clock;

        RoundRunner(AlertRounds rounds, Clock clock) {
            this.rounds = rounds;
            this.clock = clock;
        }

        void runSoon() {
            wanted.set(true);
            if (running.compareAndSet(false, true)) {
                Thread.ofVirtual().name("urgent-alerts").start(this::runWhileWanted);
            }
        }

        private void runWhileWanted() {
            try {
                while (wanted.getAndSet(false)) {
                    try {
                        rounds.runDue(HotlineClock.now(clock));
                    } catch (RuntimeException e) {
                        log.warn("urgent alerts left to the sweeper ({})", e.getClass().getSimpleName());
                    }
                }
            } finally {
                running.set(false);
            }
            if (wanted.get()) {
                runSoon(); // asked for between the last pass and the end of this thread
            }
        }
    }

    /**
     * The case moved on the woman's words before anyone took it. Its alert still running stops (the first service
     * point's officers can no longer open the case), and an urgent case gets a new alert for the service point that
     * has it now, whose on-call officers are reached at once, as for a case routed there first. In a savepoint, as
     * {@link #raised}: should this fail, her message is still processed, and the sweeper's backstop raises the alert.
     */
    @EventListener
    public void relocated(CaseRelocated event) {
        try {
            savepoint.executeWithoutResult(status -> {
                OffsetDateTime now = HotlineClock.now(clock);
                endRunning(event.caseId(), null, Acknowledgement.MOVED, now);
                jdbc.sql("select category from help_case where id = :case and priority = 'URGENT' and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')")
                        .param("case", event.caseId()).query(String.class).optional()
                        .ifPresent(category -> raiseNow(new UrgentCaseRaised(event.caseId(), event.toServicePointId(), category, now)));
            });
        } catch (RuntimeException e) {
            log.error("urgent alert of case {} not moved ({}); it stays with the service point it had", event.caseId(),
                    e.getClass().getSimpleName());
        }
    }

    /** Whether the case has an alert nobody has acknowledged yet (one running). */
    public boolean running(long caseId) {
        return jdbc.sql("select count(*) from urgent_alert where case_id = :case and acknowledged_at is null")
                .param("case", caseId).query(Long.class).single() > 0;
    }

    /** Writes the alert and has its first round go out once the transaction commits. */
    private void raiseNow(UrgentCaseRaised event) {
        if (record(event)) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        runner.runSoon();
                    }
                });
            } else {
                runner.runSoon();
            }
        }
    }

    /**
     * The case went to another service point: the alert still running for the first one stops (its officers may no
     * longer open the case), recorded as handed over by {@code accountId}. The caller raises the new one.
     */
    public void handedOver(long caseId, long accountId, OffsetDateTime now) {
        endRunning(caseId, accountId, Acknowledgement.TRANSFER, now);
    }

    /** Ends the case's running alert, {@code via} a change of service point ({@code by}: the officer, if one did it). */
    private void endRunning(long caseId, @Nullable Long by, Acknowledgement via, OffsetDateTime now) {
        int n = jdbc.sql("""
                        update urgent_alert set acknowledged_at = :now, acknowledged_by = :account, acknowledged_via = :via,
                               next_round_at = null
                        where case_id = :case and acknowledged_at is null""")
                .param("now", now).param("account", by).param("via", via.name()).param("case", caseId).update();
        if (n > 0) {
            log.info("urgent alert of case {} ended: {} (account {})", caseId, via, by);
        }
    }

    /**
     * The officer took notice of the case: its open alert stops escalating. Call only for an officer who may see
     * the case. Returns whether an alert was waiting for it. Opening the page counts unless
     * {@code hotline.escalation.acknowledge-on-view} is false.
     */
    public boolean acknowledge(long caseId, long accountId, Acknowledgement via, OffsetDateTime now) {
        if (via == Acknowledgement.VIEW && !acknowledgeOnView) {
            return false; // only an explicit "Đã nhận", a reply or taking the case counts
        }
        int n = jdbc.sql("""
                        update urgent_alert set acknowledged_at = :now, acknowledged_by = :account, acknowledged_via = :via,
                               next_round_at = null
                        where case_id = :case and acknowledged_at is null""")
                .param("now", now).param("account", accountId).param("via", via.name()).param("case", caseId).update();
        if (n > 0) {
            log.info("urgent alert of case {} acknowledged by account {} via {}", caseId, accountId, via);
        }
        return n > 0;
    }

    /** What an acknowledgement from an officer's own chat did. */
    public enum ButtonResult { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NOT_ALLOWED, NOTHING_WAITING }

    /** The result, and the case of the alert it was about (0 with NOTHING_WAITING). */
    public record FromChat(ButtonResult result, long caseId) {
    }

    /**
     * "Đã nhận" pressed (Telegram) or written (Zalo) in an officer's own chat. Allowed to the alert's recipients,
     * the service point's officers and coordinators; anyone else (or an alert that does not exist) is refused alike.
     */
    public ButtonResult acknowledgeFromChat(long alertId, long accountId, Acknowledgement via, OffsetDateTime now) {
        boolean allowed = jdbc.sql("""
                        select count(*) from urgent_alert al join account a on a.id = :account
                        where al.id = :alert and a.enabled and (
                              a.roles like '%COORDINATOR%'
                              or exists (select 1 from account_service_point asp
                                         where asp.account_id = a.id and asp.service_point_id = al.service_point_id)
                              or exists (select 1 from urgent_alert_send s where s.alert_id = al.id and s.account_id = a.id))""")
                .param("account", accountId).param("alert", alertId).query(Long.class).single() > 0;
        if (!allowed) {
            log.info("acknowledgement of alert {} refused for account {}", alertId, accountId);
            return ButtonResult.NOT_ALLOWED;
        }
        int n = jdbc.sql("""
                        update urgent_alert set acknowledged_at = :now, acknowledged_by = :account, acknowledged_via = :via,
                               next_round_at = null
                        where id = :alert and acknowledged_at is null""")
                .param("now", now).param("account", accountId).param("via", via.name()).param("alert", alertId).update();
        if (n > 0) {
            log.info("urgent alert {} acknowledged by account {} via {}", alertId, accountId, via);
        }
        return n > 0 ? ButtonResult.ACKNOWLEDGED : ButtonResult.ALREADY_ACKNOWLEDGED;
    }

    /**
     * An acknowledgement written without a case number: it is for the most recent alert of an open case that was
     * sent to this officer and nobody has acknowledged; when there is none, the most recent one sent to them in
     * the last day tells who took it; otherwise nothing was waiting.
     */
    public FromChat acknowledgeLatestSentTo(long accountId, Acknowledgement via, OffsetDateTime now) {
        Optional<long[]> latest = jdbc.sql("""
                        select al.id, al.case_id from urgent_alert al join help_case c on c.id = al.case_id
                        join urgent_alert_send s on s.alert_id = al.id
                        where s.account_id = :account and s.state = 'SENT' and s.sent_at >= :since
                          and c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')
                        order by case when al.acknowledged_at is null then 0 else 1 end, s.sent_at desc, s.id desc
                        fetch first 1 rows only""")
                .param("account", accountId).param("since", now.minusDays(1))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        return latest.map(a -> new FromChat(acknowledgeFromChat(a[0], accountId, via, now), a[1]))
                .orElseGet(() -> new FromChat(ButtonResult.NOTHING_WAITING, 0));
    }

    /** An acknowledgement naming the case: for its alert nobody has acknowledged, else its latest one. */
    public FromChat acknowledgeCaseFromChat(long caseId, long accountId, Acknowledgement via, OffsetDateTime now) {
        Optional<Long> alert = jdbc.sql("""
                        select id from urgent_alert where case_id = :case
                        order by case when acknowledged_at is null then 0 else 1 end, id desc fetch first 1 rows only""")
                .param("case", caseId).query(Long.class).optional();
        // No alert for that number: refused as an alert one may not take, so that case numbers cannot be probed.
        return new FromChat(alert.map(a -> acknowledgeFromChat(a, accountId, via, now)).orElse(ButtonResult.NOT_ALLOWED), caseId);
    }

    /** The case's alerts, oldest first. Call only for a viewer who may see the case. */
    public List<AlertTimeline> timeline(long caseId) {
        Map<Long, List<AlertTimeline.Round>> roundsByAlert = new LinkedHashMap<>();
        Map<String, List<AlertTimeline.Recipient>> recipients = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.alert_id, s.round_no, a.display_name, s.reason, s.channel, s.state, s.sent_at, s.failure_reason
                        from urgent_alert_send s
                        join account a on a.id = s.account_id join urgent_alert al on al.id = s.alert_id
                        where al.case_id = :case order by s.id""")
                .param("case", caseId)
                .query((rs, n) -> recipients.computeIfAbsent(rs.getLong(1) + ":" + rs.getInt(2), k -> new ArrayList<>())
                        .add(new AlertTimeline.Recipient(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class), "FAILED".equals(rs.getString(6)) ? rs.getString(8) : null)))
                .list();
        jdbc.sql("""
                        select r.alert_id, r.round_no, r.started_at from urgent_alert_round r join urgent_alert al on al.id = r.alert_id
                        where al.case_id = :case order by r.alert_id, r.round_no""")
                .param("case", caseId)
                .query((rs, n) -> roundsByAlert.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new AlertTimeline.Round(rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                                recipients.getOrDefault(rs.getLong(1) + ":" + rs.getInt(2), List.of()))))
                .list();
        return jdbc.sql("""
                        select al.id, al.raised_at, al.next_round_at, al.acknowledged_at, a.display_name, al.acknowledged_via
                        from urgent_alert al left join account a on a.id = al.acknowledged_by
                        where al.case_id = :case order by al.id""")
                .param("case", caseId)
                .query((rs, n) -> new AlertTimeline(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        roundsByAlert.getOrDefault(rs.getLong(1), List.of()), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5),
                        rs.getString(6) == null ? null : Acknowledgement.valueOf(rs.getString(6))))
                .list();
    }
}
