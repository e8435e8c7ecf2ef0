package vn.kontum.hotline.admin.casefile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.admin.casefile.CaseAudit.Action;
import vn.kontum.hotline.cases.CaseStatus;
import vn.kontum.hotline.cases.CaseTransferred;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.cases.UrgentCaseRaised;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.oncall.alert.Acknowledgement;
import vn.kontum.hotline.oncall.alert.UrgentAlerts;

/**
 * What an officer does to a case. Each action is one transaction that first checks the viewer may see the case
 * (404 otherwise, exactly as for reading), then changes it and records the action in the audit trail. An action
 * that makes no sense in the case's state is refused with a {@link Refused} naming the bundle key of the reason.
 */
@Component
class CaseWork {

    private static final Logger log = LoggerFactory.getLogger(CaseWork.class);

    /** An action refused for a reason the officer can read; {@code key} is in the message bundles. */
    static class Refused extends RuntimeException {
        final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    /** The case is held by another officer, named here for the page: taking it from her needs her name confirmed. */
    static final class HeldBy extends Refused {
        final long holderId;
        final String holderName;

        HeldBy(long holderId, String holderName) {
            super("admin.refused.held-by");
            this.holderId = holderId;
            this.holderName = holderName;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseFiles files;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final Directory directory;
    private final UrgentAlerts alerts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final ContentCipher content;
    private final String lockForUpdate;

    CaseWork(JdbcClient jdbc, TransactionTemplate tx, CaseFiles files, CaseAudit audit, Outbox outbox, Directory directory,
             UrgentAlerts alerts, Clock clock, ContentCipher content, org.springframework.context.ApplicationEventPublisher events,
             vn.kontum.hotline.SqlDialect dialect) {
        this.lockForUpdate = dialect.lockRowKeepingReferences();
        this.events = events;
        this.content = content;
        this.jdbc = jdbc;
        this.tx = tx;
        this.files = files;
        this.audit = audit;
        this.outbox = outbox;
        this.directory = directory;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Queues the officer's reply through the contact's own channel, after the commit hands it to the delivery
     * workers. The first officer reply sets the case's first reply time; a reply puts the case in progress.
     */
    long reply(Viewer viewer, long caseId, String text) {
        long id = inTransaction(viewer, caseId, (file, now) -> {
            if (file.status() == CaseStatus.CLOSED) {
                throw new Refused("admin.refused.closed");
            }
            if (!Channel.of(file.channel()).messaging()) {
                throw new Refused("admin.refused.offline");
            }
            long replyId = outbox.queue(Channel.of(file.channel()), file.contactId(), file.id(), text, null, viewer.accountId(), now);
            jdbc.sql("""
                            update help_case set first_reply_at = coalesce(first_reply_at, :now), status = 'IN_PROGRESS',
                                   assigned_officer_id = coalesce(assigned_officer_id, :me), resolved_at = null, updated_at = :now
                            where id = :id""")
                    .param("now", now).param("me", viewer.accountId()).param("id", file.id()).update();
            audit.record(file.id(), viewer.accountId(), Action.REPLY, "message " + replyId, now);
            alerts.acknowledge(file.id(), viewer.accountId(), Acknowledgement.REPLY, now);
            return replyId;
        });
        outbox.dispatch(List.of(id));
        log.info("case {} officer reply {} queued by account {}", caseId, id, viewer.accountId());
        return id;
    }

    void note(Viewer viewer, long caseId, String text) {
        inTransaction(viewer, caseId, (file, now) -> {
            jdbc.sql("""
                            insert into case_note (case_id, author_account_id, body, created_at) values (:case, :me, :body, :now)""")
                    .param("case", file.id()).param("me", viewer.accountId()).param("body", content.seal(text)).param("now", now).update();
            audit.record(file.id(), viewer.accountId(), Action.NOTE, null, now);
            return 0;
        });
    }

    /**
     * "Tôi nhận xử lý". A case nobody holds is taken at once. A case a colleague holds is never taken from her
     * silently: two officers of one office pressing on slow lines at nearly the same time, the later press would
     * otherwise take the case from the one who won without either knowing. It is refused with {@link HeldBy}
     * naming her, and taken over only when {@code takeOver} names the officer the page showed holding it; the
     * takeover is recorded. Each update checks the holder itself, so of two presses at once exactly one wins.
     */
    void assignToMe(Viewer viewer, long caseId, @Nullable Long takeOver) {
        inTransaction(viewer, caseId, (file, now) -> {
            requireOpen(file);
            if (takeOver != null && takeOver != viewer.accountId() && take(file.id(), viewer, "assigned_officer_id = :holder", takeOver, now)) {
                audit.record(file.id(), viewer.accountId(), Action.TAKE_OVER, "account " + takeOver + "->account " + viewer.accountId(), now);
                log.info("case {} taken over by account {} from account {}", file.id(), viewer.accountId(), takeOver);
            } else if (take(file.id(), viewer, "(assigned_officer_id is null or assigned_officer_id = :me)", -1L, now)) {
                audit.record(file.id(), viewer.accountId(), Action.ASSIGN, "account " + viewer.accountId(), now);
            } else {
                throw jdbc.sql("""
                                select a.id, a.display_name from help_case c join account a on a.id = c.assigned_officer_id where c.id = :id""")
                        .param("id", file.id()).query((rs, n) -> new HeldBy(rs.getLong(1), rs.getString(2))).optional()
                        .<RuntimeException>map(held -> held).orElseGet(() -> new Refused("admin.refused.try-again"));
            }
            alerts.acknowledge(file.id(), viewer.accountId(), Acknowledgement.ASSIGN, now);
            return 0;
        });
    }

    private boolean take(long caseId, Viewer viewer, String whoMayHoldIt, long holder, OffsetDateTime now) {
        return jdbc.sql("""
                        update help_case set assigned_officer_id = :me, updated_at = :now,
                               status = case when status = 'NEW' then 'ASSIGNED' else status end
                        where id = :id and\s""" + whoMayHoldIt)
                .param("me", viewer.accountId()).param("now", now).param("id", caseId).param("holder", holder).update() > 0;
    }

    void resolve(Viewer viewer, long caseId) {
        inTransaction(viewer, caseId, (file, now) -> {
            requireOpen(file);
            jdbc.sql("update help_case set status = 'RESOLVED', resolved_at = :now, updated_at = :now where id = :id")
                    .param("now", now).param("id", file.id()).update();
            audit.record(file.id(), viewer.accountId(), Action.RESOLVE, file.status().name() + "->RESOLVED", now);
            return 0;
        });
    }

    void close(Viewer viewer, long caseId) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (file.status() == CaseStatus.CLOSED) {
                throw new Refused("admin.refused.closed");
            }
            jdbc.sql("update help_case set status = 'CLOSED', closed_at = :now, updated_at = :now where id = :id")
                    .param("now", now).param("id", file.id()).update();
            audit.record(file.id(), viewer.accountId(), Action.CLOSE, file.status().name() + "->CLOSED", now);
            return 0;
        });
    }

    void reopen(Viewer viewer, long caseId) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (file.open()) {
                throw new Refused("admin.refused.already-open");
            }
            String status = file.firstReplyAt() != null ? "IN_PROGRESS" : file.assignedOfficerId() != null ? "ASSIGNED" : "NEW";
            jdbc.sql("""
                            update help_case set status = :status, resolved_at = null, closed_at = null, updated_at = :now
                            where id = :id""")
                    .param("status", status).param("now", now).param("id", file.id()).update();
            audit.record(file.id(), viewer.accountId(), Action.REOPEN, file.status().name() + "->" + status, now);
            if (Priority.URGENT.name().equals(file.priority())) {
                // Reopened because she is in danger again: alerted as an urgent case is (none is raised while closed).
                events.publishEvent(new UrgentCaseRaised(file.id(), file.servicePointId(), file.category(), now));
            }
            return 0;
        });
    }

    void priority(Viewer viewer, long caseId, Priority priority) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (file.priority().equals(priority.name())) {
                return 0;
            }
            // Raised: its urgent target runs from now (see ResponseTargets).
            String since = priority == Priority.URGENT ? ", urgent_since = :now" : "";
            jdbc.sql("update help_case set priority = :p" + since + ", updated_at = :now where id = :id")
                    .param("p", priority.name()).param("now", now).param("id", file.id()).update();
            audit.record(file.id(), viewer.accountId(), Action.PRIORITY, file.priority() + "->" + priority.name(), now);
            if (priority == Priority.URGENT && file.open()) {
                // Raised by hand (a call, a visit): the on-call officers of the case's service point are alerted as
                // for a message the classifier found urgent.
                events.publishEvent(new UrgentCaseRaised(file.id(), file.servicePointId(), file.category(), now));
            }
            return 0;
        });
    }

    /** Changes the category and keeps the correction, so that the classifier's mistakes can be counted and learnt from. */
    void category(Viewer viewer, long caseId, String category) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (file.category().equals(category)) {
                return 0;
            }
            jdbc.sql("update help_case set category = :c, updated_at = :now where id = :id")
                    .param("c", category).param("now", now).param("id", file.id()).update();
            jdbc.sql("""
                            insert into case_category_correction (case_id, from_category, to_category, account_id, corrected_at)
                            values (:case, :from, :to, :me, :now)""")
                    .param("case", file.id()).param("from", file.category()).param("to", category).param("me", viewer.accountId())
                    .param("now", now).update();
            audit.record(file.id(), viewer.accountId(), Action.CATEGORY, file.category() + "->" + category, now);
            return 0;
        });
    }

    /**
     * Hands the case to another service point, which then finds it new and unassigned in its inbox; officers of
     * the first one lose access (coordinators keep it). The reason stays in the transfer row, sealed, not in the audit.
     */
    void transfer(Viewer viewer, long caseId, String servicePointId, String reason) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (directory.servicePoint(servicePointId).isEmpty()) {
                throw new Refused("admin.refused.unknown-service-point");
            }
            if (file.servicePointId().equals(servicePointId)) {
                throw new Refused("admin.refused.same-service-point");
            }
            jdbc.sql("""
                            update help_case set service_point_id = :sp, assigned_officer_id = null, route_reason = :route,
                                   status = case when status in ('ASSIGNED', 'IN_PROGRESS') then 'NEW' else status end, updated_at = :now
                            where id = :id""")
                    .param("sp", servicePointId).param("route", "transferred from " + file.servicePointId())
                    .param("now", now).param("id", file.id()).update();
            jdbc.sql("""
                            insert into case_transfer (case_id, from_service_point_id, to_service_point_id, reason, account_id, transferred_at)
                            values (:case, :from, :to, :reason, :me, :now)""")
                    .param("case", file.id()).param("from", file.servicePointId()).param("to", servicePointId)
                    .param("reason", content.seal(reason)).param("me", viewer.accountId()).param("now", now).update();
            audit.record(file.id(), viewer.accountId(), Action.TRANSFER, file.servicePointId() + "->" + servicePointId, now);
            events.publishEvent(new CaseTransferred(file.id(), file.servicePointId(), servicePointId));
            if (file.open() && Priority.URGENT.name().equals(file.priority())) {
                // An urgent case arrives as urgent: the new service point's on-call officers are alerted, as if it had
                // been routed there first, and the first one's alert (whose officers lose the case) stops.
                alerts.handedOver(file.id(), viewer.accountId(), now);
                events.publishEvent(new UrgentCaseRaised(file.id(), servicePointId, file.category(), now));
                if (!alerts.running(file.id())) {
                    // Raising it failed (it is written in a savepoint): the transfer is undone rather than leave an
                    // urgent case with no alert, and the officer is asked to try again.
                    throw new Refused("admin.refused.try-again");
                }
            }
            return 0;
        });
    }

    /**
     * Records that the viewer opened the case (reading a woman's words is itself worth recording). Opening an
     * urgent case's page acknowledges its alert: someone who may act on it has seen it.
     */
    void viewed(Viewer viewer, CaseFile file) {
        OffsetDateTime now = HotlineClock.now(clock);
        audit.record(file.id(), viewer.accountId(), Action.VIEW, null, now);
        alerts.acknowledge(file.id(), viewer.accountId(), Acknowledgement.VIEW, now);
    }

    /** "Đã nhận": the officer says they have the urgent case in hand, without having to do anything else yet. */
    void acknowledge(Viewer viewer, long caseId) {
        inTransaction(viewer, caseId, (file, now) -> {
            if (!alerts.acknowledge(file.id(), viewer.accountId(), Acknowledgement.BUTTON, now)) {
                throw new Refused("oncall.refused.nothing-to-acknowledge");
            }
            return 0;
        });
    }

    private static void requireOpen(CaseFile file) {
        if (!file.open()) {
            throw new Refused("admin.refused.not-open");
        }
    }

    private interface Step<T> {
        T apply(CaseFile file, OffsetDateTime now);
    }

    /**
     * The case row is locked before it is read: a message making the case urgent, or a colleague's transfer, at the
     * same moment then comes wholly before or after this step (a transfer that read the priority just before a
     * message raised it would leave the alert at the service point that lost the case).
     */
    private <T> T inTransaction(Viewer viewer, long caseId, Step<T> step) {
        return Objects.requireNonNull(tx.execute(status -> {
            jdbc.sql("select id from help_case where id = :id " + lockForUpdate).param("id", caseId).query(Long.class).optional();
            return step.apply(files.require(viewer, caseId), HotlineClock.now(clock));
        }));
    }
}
