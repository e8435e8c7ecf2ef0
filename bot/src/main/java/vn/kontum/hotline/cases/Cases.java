package vn.kontum.hotline.cases;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.routing.Route;
import vn.kontum.hotline.routing.Router;

/**
 * Opens a case for a contact's message, or adds the message to the contact's open case. A case opened as
 * {@code other} takes the first real topic that follows, and goes where that topic is routed; so does a case that
 * words of violence or trafficking make urgent. A case opened as
 * urgent, or becoming urgent, is announced with {@link UrgentCaseRaised} inside the same transaction.
 */
@Component
public class Cases {

    private static final Logger log = LoggerFactory.getLogger(Cases.class);

    private final JdbcClient jdbc;
    private final Router router;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final String lockForUpdate;

    Cases(JdbcClient jdbc, Router router, Directory directory, SqlDialect dialect, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.router = router;
        this.directory = directory;
        this.events = events;
        this.lockForUpdate = dialect.lockRowKeepingReferences();
    }

    /** Call inside the transaction that processes the message. */
    public CaseRef caseFor(Contact contact, Classification classification, OffsetDateTime now) {
        Priority priority = classification.urgent() ? Priority.URGENT : Priority.NORMAL;
        Optional<OpenCase> open = openCase(contact);
        if (open.isPresent() && changes(open.get(), classification)) {
            // Only a message that changes the case locks it: the others (most) do not wait for a batch holding it.
            open = lockedIfOpen(open.get());
        }
        if (open.isEmpty()) {
            // Two messages of a new contact processed at once must open one case, not two: take the contact's
            // row lock, then look again. (NO KEY UPDATE on PostgreSQL, so new messages of the contact, which
            // reference its row, are not held up meanwhile.)
            jdbc.sql("select id from contact where id = :id " + lockForUpdate).param("id", contact.id()).query(Long.class).single();
            open = openCase(contact).flatMap(this::lockedIfOpen);
        }
        if (open.isEmpty()) {
            Route route = route(classification.label(), priority, contact);
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                                   opened_at, updated_at)
                            values (:contact, :channel, :category, :priority, 'NEW', :sp, :reason, :now, :now)""")
                    .param("contact", contact.id()).param("channel", contact.channel().id())
                    .param("category", classification.label()).param("priority", priority.name())
                    .param("sp", route.servicePoint().id()).param("reason", route.reason()).param("now", now)
                    .update(keys, "id");
            long id = java.util.Objects.requireNonNull(keys.getKeyAs(Long.class));
            alsoNotify(id, classification.label(), route, now);
            if (priority == Priority.URGENT) {
                events.publishEvent(new UrgentCaseRaised(id, route.servicePoint().id(), classification.label(), now));
            }
            return new CaseRef(id, true, classification.label(), priority, route.servicePoint());
        }
        OpenCase c = open.get();
        String category = c.category();
        String servicePoint = c.servicePointId();
        if (Topic.OTHER.label().equals(category) && classification.topic() != Topic.OTHER || turnsToDangerNow(c, classification)) {
            // A loan case made urgent by words the topic model cannot place stays a loan case (the statistics).
            category = classification.topic() == Topic.OTHER ? category : classification.label();
            Route route = route(category, priority, contact);
            jdbc.sql("update help_case set category = :category, updated_at = :now where id = :id")
                    .param("category", category).param("now", now).param("id", c.id()).update();
            if (sendIfUntaken(c.id(), c.servicePointId(), category, route, now)) {
                servicePoint = route.servicePoint().id();
            }
        }
        Priority newPriority = c.priority() == Priority.URGENT || priority == Priority.URGENT ? Priority.URGENT : Priority.NORMAL;
        if (newPriority != c.priority()) {
            jdbc.sql("update help_case set priority = :priority, urgent_since = :now, updated_at = :now where id = :id")
                    .param("priority", newPriority.name()).param("now", now).param("id", c.id()).update();
            events.publishEvent(new UrgentCaseRaised(c.id(), servicePoint, category, now));
        }
        String spId = servicePoint;
        return new CaseRef(c.id(), false, category, newPriority, directory.servicePoint(spId)
                .orElseThrow(() -> new IllegalStateException("case " + c.id() + " has an unknown service point")));
    }

    /** Whether this message would change the open case: its topic (from other) or its priority, or where it goes. */
    private static boolean changes(OpenCase c, Classification classification) {
        return Topic.OTHER.label().equals(c.category()) && classification.topic() != Topic.OTHER
                || classification.urgent() && c.priority() != Priority.URGENT;
    }

    /**
     * A case about a loan or a pregnancy that her words now make urgent with violence or trafficking ("chồng em đang
     * đánh em") is now that: it goes where that topic is routed, the trusted address rather than the bank or the
     * health station, if nobody has it in hand. A loan case made urgent by any words (a creditor's threat) leaves the
     * bank too ({@link #route}). A case urgent already (a medical emergency) stays where it is.
     */
    private static boolean turnsToDangerNow(OpenCase c, Classification classification) {
        return classification.urgent() && c.priority() != Priority.URGENT
                && (PROTECTION.contains(classification.topic()) || Topic.SAVINGS_LOANS.label().equals(c.category()))
                && PROTECTION.stream().noneMatch(t -> t.label().equals(c.category()));
    }

    /**
     * Where a case goes. An urgent one about money ("chủ nợ dọa giết cả nhà em") goes where violence goes: the
     * bank's desk has no part in danger. Its category stays what she wrote about, for the statistics.
     */
    private Route route(String category, Priority priority, Contact contact) {
        boolean dangerAtTheBank = priority == Priority.URGENT && Topic.SAVINGS_LOANS.label().equals(category);
        return router.route(dangerAtTheBank ? Topic.VIOLENCE.label() : category, contact);
    }

    private static final java.util.Set<Topic> PROTECTION = java.util.EnumSet.of(Topic.VIOLENCE, Topic.TRAFFICKING);

    /**
     * The woman chose a topic herself (a button, or its number): her choice outranks the classifier's guess. A case
     * nobody has taken yet goes where the chosen topic is routed; a case an officer already holds keeps its officer.
     */
    public CaseRef chooseTopic(Contact contact, Topic topic, String modelVersion, OffsetDateTime now) {
        CaseRef ref = caseFor(contact, new Classification(topic, 1.0, false, modelVersion), now);
        if (ref.opened() || ref.category().equals(topic.label())) {
            return ref;
        }
        Route route = route(topic.label(), ref.priority(), contact);
        jdbc.sql("update help_case set category = :category, updated_at = :now where id = :id")
                .param("category", topic.label()).param("now", now).param("id", ref.id()).update();
        if (!sendIfUntaken(ref.id(), ref.servicePoint().id(), topic.label(), route, now)) {
            return new CaseRef(ref.id(), false, topic.label(), ref.priority(), ref.servicePoint());
        }
        return new CaseRef(ref.id(), false, topic.label(), ref.priority(), route.servicePoint());
    }

    /**
     * The woman said where she lives: her open case, if nobody has taken it yet, goes to the service point for
     * her village. Empty when she has no open case.
     */
    public Optional<CaseRef> relocate(Contact contact, OffsetDateTime now) {
        Optional<OpenCase> open = openCase(contact).flatMap(this::lockedIfOpen);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        OpenCase c = open.get();
        Route route = route(c.category(), c.priority(), contact);
        boolean moved = sendIfUntaken(c.id(), c.servicePointId(), c.category(), route, now);
        String sp = moved ? route.servicePoint().id() : c.servicePointId();
        return Optional.of(new CaseRef(c.id(), false, c.category(), c.priority(), directory.servicePoint(sp).orElseThrow()));
    }

    /**
     * As {@link #moveIfUntaken}, and whoever the route says to tell besides (the police of a trafficking case) is told
     * once the case is where the route sends it: moved there, or there already. A case that turned from "other" to
     * trafficking at the city Women's Union, where both are routed, left the police untold.
     */
    private boolean sendIfUntaken(long caseId, String from, String category, Route route, OffsetDateTime now) {
        boolean moved = moveIfUntaken(caseId, from, route, now);
        if (moved || from.equals(route.servicePoint().id())) {
            alsoNotify(caseId, category, route, now);
        }
        return moved;
    }

    /**
     * Sends the case where {@code route} says, if nobody has it in hand: still new, taken by no officer, and never
     * handed over by one (an officer's transfer outranks what the woman's words suggest). Returns whether it moved.
     * Where it is already, only the reason is brought up to date (the topic or the place it was routed by changed).
     */
    private boolean moveIfUntaken(long caseId, String from, Route route, OffsetDateTime now) {
        if (from.equals(route.servicePoint().id())) {
            jdbc.sql("""
                            update help_case set route_reason = :reason
                            where id = :id and route_reason <> :reason and status = 'NEW' and assigned_officer_id is null
                              and not exists (select 1 from case_transfer t where t.case_id = help_case.id)""")
                    .param("reason", route.reason()).param("id", caseId).update();
            return false;
        }
        int moved = jdbc.sql("""
                        update help_case set service_point_id = :sp, route_reason = :reason, updated_at = :now
                        where id = :id and status = 'NEW' and assigned_officer_id is null
                          and not exists (select 1 from case_transfer t where t.case_id = help_case.id)""")
                .param("sp", route.servicePoint().id()).param("reason", route.reason()).param("now", now).param("id", caseId).update();
        if (moved > 0) {
            events.publishEvent(new CaseRelocated(caseId, from, route.servicePoint().id()));
        }
        return moved > 0;
    }

    /** "Gặp cán bộ": the case (a new one if she has none open) is marked as waiting for a person. */
    public CaseRef requestPerson(Contact contact, String modelVersion, OffsetDateTime now) {
        CaseRef ref = caseFor(contact, new Classification(Topic.OTHER, 1.0, false, modelVersion), now);
        jdbc.sql("update help_case set person_requested_at = coalesce(person_requested_at, :now), updated_at = :now where id = :id")
                .param("now", now).param("id", ref.id()).update();
        return ref;
    }

    /**
     * A contact an officer recorded by hand (by phone, in person): a pseudonymous contact and a case at the
     * given service point, already answered, so that the statistics are complete. Returns the case id.
     */
    public long recordOffline(Channel channel, String category, Priority priority, String servicePointId, @Nullable String communeId,
                              @Nullable String villageId, long officerId, String reason, OffsetDateTime at, OffsetDateTime now) {
        if (channel.messaging()) {
            throw new IllegalArgumentException("an offline case is by phone or in person");
        }
        if (at.isAfter(now)) { // counted in the statistics of a day that has not come: never
            throw new IllegalArgumentException("an offline case cannot be dated after now");
        }
        if (villageId != null && !directory.communeOfVillage(villageId).orElse("").equals(communeId)) {
            throw new IllegalArgumentException("the village of an offline case must be in its commune");
        }
        KeyHolder contactKey = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, village_id, commune_id, created_at)
                        values (:channel, :user, :village, :commune, :at)""")
                .param("channel", channel.id()).param("user", "offline-" + java.util.UUID.randomUUID())
                .param("village", villageId).param("commune", communeId).param("at", at).update(contactKey, "id");
        long contactId = java.util.Objects.requireNonNull(contactKey.getKeyAs(Long.class));
        KeyHolder caseKey = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, assigned_officer_id,
                                               route_reason, opened_at, first_reply_at, updated_at)
                        values (:contact, :channel, :category, :priority, 'IN_PROGRESS', :sp, :officer, :reason, :at, :at, :now)""")
                .param("contact", contactId).param("channel", channel.id()).param("category", category).param("priority", priority.name())
                .param("sp", servicePointId).param("officer", officerId)
                .param("reason", reason)
                .param("at", at).param("now", now).update(caseKey, "id");
        long caseId = java.util.Objects.requireNonNull(caseKey.getKeyAs(Long.class));
        log.info("offline case {} recorded by account {} channel={} category={}", caseId, officerId, channel.id(), category);
        return caseId;
    }

    /** The contact's open case, if any; for messages that belong to the conversation but say nothing new. */
    public Optional<CaseRef> openCaseOf(Contact contact) {
        return openCase(contact).map(c -> new CaseRef(c.id(), false, c.category(), c.priority(),
                directory.servicePoint(c.servicePointId()).orElseThrow()));
    }

    /**
     * Records the service point told about the case besides the one it went to (the police focal point for
     * trafficking), and announces it, inside the caller's transaction, to whoever alerts that service point.
     */
    private void alsoNotify(long caseId, String category, Route route, OffsetDateTime now) {
        ServicePoint notified = route.alsoNotify();
        if (notified == null || notified.id().equals(route.servicePoint().id())) {
            return;
        }
        int added = jdbc.sql("""
                        insert into case_also_notified (case_id, service_point_id, notified_at) values (:case, :sp, :now)
                        on conflict do nothing""")
                .param("case", caseId).param("sp", notified.id()).param("now", now).update();
        if (added > 0) {
            log.info("case {} ({}) also notified to service point {}", caseId, category, notified.id());
            events.publishEvent(new CaseAlsoNotified(caseId, category, notified.id()));
        }
    }

    private Optional<OpenCase> openCase(Contact contact) {
        return jdbc.sql("""
                        select id, category, priority, service_point_id from help_case
                        where contact_id = :contact and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')
                        order by id desc""")
                .param("contact", contact.id())
                .query((rs, n) -> new OpenCase(rs.getLong("id"), rs.getString("category"), Priority.valueOf(rs.getString("priority")),
                        rs.getString("service_point_id")))
                .list().stream().findFirst();
    }

    /**
     * The open case, locked and read again: an officer's transfer or closing at this moment comes wholly before or
     * after this message, so an urgent alert it raises goes to the service point the case is at. Empty when the case
     * was closed meanwhile.
     */
    private Optional<OpenCase> lockedIfOpen(OpenCase unlocked) {
        return jdbc.sql("""
                        select id, category, priority, service_point_id from help_case
                        where id = :id and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS') """ + lockForUpdate)
                .param("id", unlocked.id())
                .query((rs, n) -> new OpenCase(rs.getLong("id"), rs.getString("category"), Priority.valueOf(rs.getString("priority")),
                        rs.getString("service_point_id")))
                .optional();
    }

    private record OpenCase(long id, String category, Priority priority, String servicePointId) {
    }
}
