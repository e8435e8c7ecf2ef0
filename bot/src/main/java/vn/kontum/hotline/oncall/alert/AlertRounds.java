package vn.kontum.hotline.oncall.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.delivery.SendResult;
import vn.kontum.hotline.oncall.Rota;

/**
 * The rounds of urgent alerts, and their sending. Round 0 alerts the officers on call for the case's service
 * point (when the rota has nobody now: every officer of the service point with a linked chat). If nobody has
 * acknowledged {@code hotline.escalation.after} later (default 5 minutes), the next round alerts them again and
 * the coordinators, and so on up to {@code hotline.escalation.rounds} further rounds (default 3).
 *
 * <p>Each round is claimed by a conditional update of the alert and written with its messages in one
 * transaction; each message is claimed (QUEUED to SENDING) before it is sent. So two nodes, or the sweeper and
 * the send after a commit, never send one alert twice. Times are passed in, so that tests can move them.
 */
@Component
public class AlertRounds {

    private static final Logger log = LoggerFactory.getLogger(AlertRounds.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Rota rota;
    private final AlertText text;
    private final Map<Channel, AlertChannel> channels = new EnumMap<>(Channel.class);
    private final Duration after;
    private final int furtherRounds;
    private final int maxAttempts;

    AlertRounds(JdbcClient jdbc, TransactionTemplate tx, Rota rota, AlertText text, List<AlertChannel> channels,
                @Value("${hotline.escalation.after:PT5M}") Duration after,
                @Value("${hotline.escalation.rounds:3}") int furtherRounds,
                @Value("${hotline.escalation.max-attempts:8}") int maxAttempts) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rota = rota;
        this.text = text;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.after = after;
        this.furtherRounds = furtherRounds;
        this.maxAttempts = maxAttempts;
    }

    private record Due(long id, long caseId, String servicePointId, int round) {
    }

    private record Recipient(long accountId, String reason, Channel channel, String chatId) {
        String key() {
            return accountId + ":" + channel.id();
        }

        Recipient because(String why) {
            return new Recipient(accountId, why, channel, chatId);
        }
    }

    /** Starts every round that is due at {@code now}, then sends what is queued; returns how many rounds started. */
    public int runDue(OffsetDateTime now) {
        List<Due> due = jdbc.sql("""
                        select al.id, al.case_id, al.service_point_id, al.rounds_done from urgent_alert al
                        join help_case c on c.id = al.case_id
                        where al.acknowledged_at is null and al.next_round_at <= :now and c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')
                        order by al.next_round_at fetch first 100 rows only""")
                .param("now", now)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        int started = 0;
        for (Due d : due) {
            if (Boolean.TRUE.equals(tx.execute(status -> startRound(d, now)))) {
                started++;
            }
        }
        sendDue(now);
        return started;
    }

    private boolean startRound(Due due, OffsetDateTime now) {
        List<Recipient> recipients = recipients(due, now);
        // Nobody to alert at this level: the next level at once, not after the interval.
        OffsetDateTime next = due.round() >= furtherRounds ? null : recipients.isEmpty() ? now : now.plus(after);
        int claimed = jdbc.sql("""
                        update urgent_alert set rounds_done = rounds_done + 1, next_round_at = :next
                        where id = :id and rounds_done = :round and acknowledged_at is null and next_round_at is not null""")
                .param("next", next).param("id", due.id()).param("round", due.round()).update();
        if (claimed == 0) {
            return false; // started elsewhere, or acknowledged meanwhile
        }
        jdbc.sql("insert into urgent_alert_round (alert_id, round_no, started_at, recipients) values (:id, :round, :now, :n)")
                .param("id", due.id()).param("round", due.round()).param("now", now).param("n", recipients.size()).update();
        for (Recipient r : recipients) {
            jdbc.sql("""
                            insert into urgent_alert_send (alert_id, round_no, account_id, reason, channel, chat_id, state, created_at)
                            values (:id, :round, :account, :reason, :channel, :chat, 'QUEUED', :now)""")
                    .param("id", due.id()).param("round", due.round()).param("account", r.accountId()).param("reason", r.reason())
                    .param("channel", r.channel().id()).param("chat", r.chatId()).param("now", now).update();
        }
        (recipients.isEmpty() ? log.atWarn() : log.atInfo()).log("urgent alert {} case {} round {} to {} officers{}", due.id(), due.caseId(),
                due.round(), recipients.size(), recipients.isEmpty() ? ": nobody with a linked chat" : "");
        return true;
    }

    /**
     * On call now (or, with an empty rota, the service point's officers); from round 1 on, the coordinators too.
     * Each on every chat they linked (Telegram and Zalo both, when they have both): one may fail where the other
     * reaches them (Zalo's 7-day window).
     */
    private List<Recipient> recipients(Due due, OffsetDateTime now) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        List<Long> onCall = rota.onCallAt(due.servicePointId(), now);
        if (!onCall.isEmpty()) {
            linked(onCall).forEach(r -> out.putIfAbsent(r.key(), r.because("ON_CALL")));
        } else {
            List<Long> officers = jdbc.sql("""
                            select a.id from account a join account_service_point asp on asp.account_id = a.id
                            where asp.service_point_id = :sp and a.enabled""")
                    .param("sp", due.servicePointId()).query(Long.class).list();
            linked(officers).forEach(r -> out.putIfAbsent(r.key(), r.because("SERVICE_POINT")));
        }
        if (due.round() > 0) {
            List<Long> coordinators = jdbc.sql("select id from account where enabled and roles like '%COORDINATOR%'").query(Long.class).list();
            linked(coordinators).forEach(r -> out.putIfAbsent(r.key(), r.because("COORDINATOR")));
        }
        return new ArrayList<>(out.values());
    }

    private List<Recipient> linked(List<Long> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select account_id, channel, chat_id from officer_chat where account_id in (:ids) order by account_id, channel")
                .param("ids", accounts)
                .query((rs, n) -> new Recipient(rs.getLong(1), "", Channel.of(rs.getString(2)), rs.getString(3))).list();
    }

    /** Sends every queued alert message that is due; returns how many went out. */
    public int sendDue(OffsetDateTime now) {
        List<Long> ids = jdbc.sql("""
                        select id from urgent_alert_send where state = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= :now)
                        order by id fetch first 200 rows only""")
                .param("now", now).query(Long.class).list();
        int sent = 0;
        for (long id : ids) {
            if (send(id, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** Messages left SENDING by a node that died are sent again. */
    int resetStuck(OffsetDateTime before) {
        return jdbc.sql("update urgent_alert_send set state = 'QUEUED' where state = 'SENDING' and claimed_at < :before")
                .param("before", before).update();
    }

    private record Pending(long alertId, long caseId, int round, Channel channel, String chatId, int attempts, String text) {
    }

    private boolean send(long id, OffsetDateTime now) {
        int claimed = jdbc.sql("""
                        update urgent_alert_send set state = 'SENDING', attempts = attempts + 1, claimed_at = :now
                        where id = :id and state = 'QUEUED'""")
                .param("id", id).param("now", now).update();
        if (claimed == 0) {
            return false;
        }
        Optional<Pending> pending = jdbc.sql("""
                        select s.alert_id, s.round_no, s.channel, s.chat_id, s.attempts, al.case_id, al.category, al.raised_at, sp.name,
                               coalesce(v.name, '') as village, coalesce(co.name, '') as commune, r.started_at
                        from urgent_alert_send s join urgent_alert al on al.id = s.alert_id
                        join urgent_alert_round r on r.alert_id = s.alert_id and r.round_no = s.round_no
                        join service_point sp on sp.id = al.service_point_id
                        join help_case c on c.id = al.case_id join contact ct on ct.id = c.contact_id
                        left join village v on v.id = ct.village_id
                        left join commune co on co.id = coalesce(ct.commune_id, v.commune_id)
                        where s.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Pending(rs.getLong("alert_id"), rs.getLong("case_id"), rs.getInt("round_no"),
                        Channel.of(rs.getString("channel")), rs.getString("chat_id"), rs.getInt("attempts"),
                        text.alert(rs.getLong("case_id"), rs.getString("category"), rs.getString(9), rs.getString("commune"),
                                rs.getString("village"), rs.getInt("round_no"), rs.getObject("raised_at", OffsetDateTime.class),
                                // the round's own time: a send retried later, or by another node, says the same
                                rs.getObject("started_at", OffsetDateTime.class))))
                .optional();
        if (pending.isEmpty()) {
            return false;
        }
        Pending p = pending.get();
        AlertChannel channel = channels.get(p.channel());
        SendResult result;
        try {
            result = channel == null ? new SendResult.Failed(p.channel().id() + " is not configured")
                    : channel.send(p.chatId(), p.text(), p.alertId(), p.caseId());
        } catch (RuntimeException e) {
            result = new SendResult.Retry(e.getClass().getSimpleName(), null);
        }
        record(id, p, result, now);
        return result instanceof SendResult.Sent;
    }

    private void record(long id, Pending p, SendResult result, OffsetDateTime now) {
        switch (result) {
            case SendResult.Sent sent -> jdbc.sql("""
                            update urgent_alert_send set state = 'SENT', sent_at = :now, channel_message_id = :cid, failure_reason = null
                            where id = :id""")
                    .param("now", now).param("cid", sent.channelMessageId()).param("id", id).update();
            case SendResult.Retry retry when p.attempts() < maxAttempts -> jdbc.sql("""
                            update urgent_alert_send set state = 'QUEUED', next_attempt_at = :next, failure_reason = :reason where id = :id""")
                    .param("next", now.plus(retry.after() != null ? retry.after() : backoff(p.attempts())))
                    .param("reason", truncate(retry.reason())).param("id", id).update();
            case SendResult.Retry retry -> {
                fail(id, "gave up after " + p.attempts() + " attempts: " + retry.reason());
                nextLevelIfNobodyReached(p, now);
            }
            case SendResult.Failed failed -> {
                fail(id, failed.reason());
                nextLevelIfNobodyReached(p, now);
            }
            case SendResult.NotYet notYet -> jdbc.sql("""
                            update urgent_alert_send set state = 'QUEUED', attempts = attempts - 1, next_attempt_at = :next where id = :id""")
                    .param("next", now.plus(notYet.after())).param("id", id).update();
        }
        log.info("urgent alert {} round {} message {} attempt {} result {}", p.alertId(), p.round(), id, p.attempts(),
                result.getClass().getSimpleName());
    }

    /**
     * When every send of the alert's latest round has failed for good (a blocked bot, Zalo's 7-day window), nobody
     * was reached: the next level is alerted at the next sweep instead of after the interval.
     */
    private void nextLevelIfNobodyReached(Pending p, OffsetDateTime now) {
        int hurried = jdbc.sql("""
                        update urgent_alert set next_round_at = :now
                        where id = :alert and acknowledged_at is null and rounds_done = :roundsDone and next_round_at > :now
                          and not exists (select 1 from urgent_alert_send s
                                          where s.alert_id = :alert and s.round_no = :round and s.state <> 'FAILED')""")
                .param("now", now).param("alert", p.alertId()).param("roundsDone", p.round() + 1).param("round", p.round()).update();
        if (hurried > 0) {
            log.warn("urgent alert {} round {}: nobody reached; next level at once", p.alertId(), p.round());
        }
    }

    private void fail(long id, String reason) {
        jdbc.sql("update urgent_alert_send set state = 'FAILED', failure_reason = :reason where id = :id")
                .param("reason", truncate(reason)).param("id", id).update();
    }

    /** 2 s, 4 s, 8 s ... up to a minute: an alert is worth little once the escalation interval has passed. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempts, 6)));
    }

    private static String truncate(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    /**
     * The backstop under the alert written with the case: an urgent open case that an urgent message made so
     * in the last {@code window}, without any alert, gets one now (its writing failed, or it was rolled back).
     */
    int raiseMissing(OffsetDateTime now, Duration window) {
        return jdbc.sql("""
                        insert into urgent_alert (case_id, service_point_id, category, raised_at, rounds_done, next_round_at, created_at)
                        select c.id, c.service_point_id, c.category, :now, 0, :now, :now from help_case c
                        where c.priority = 'URGENT' and c.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS') and c.updated_at >= :since
                          and exists (select 1 from message m where m.case_id = c.id and m.urgent = true and m.created_at >= :since)
                          and not exists (select 1 from urgent_alert al where al.case_id = c.id)""")
                .param("now", now).param("since", now.minus(window)).update();
    }
}
