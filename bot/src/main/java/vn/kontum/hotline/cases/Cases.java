package vn.kontum.hotline.cases;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.SqlDialect;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.routing.Route;
import vn.kontum.hotline.routing.Router;

/**
 * Opens a case for a contact's message, or adds the message to the contact's open case. A case opened as
 * {@code other} takes the first real topic that follows, and goes where that topic is routed. A case opened as
 * urgent, or becoming urgent, is announced with {@link UrgentCaseRaised} inside the same transaction.
 */
@Component
public class Cases {

    private final JdbcClient jdbc;
    private final Router router;
    private final Directory directory;
    private final String lockForUpdate;
    private final ApplicationEventPublisher events;

    Cases(JdbcClient jdbc, Router router, Directory directory, SqlDialect dialect, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.router = router;
        this.directory = directory;
        this.lockForUpdate = dialect.lockRowKeepingReferences();
        this.events = events;
    }

    /** Call inside the transaction that processes the message. */
    public CaseRef caseFor(Contact contact, Classification classification, OffsetDateTime now) {
        Priority priority = classification.urgent() ? Priority.URGENT : Priority.NORMAL;
        Optional<OpenCase> open = openCase(contact);
        if (open.isEmpty()) {
            // Two messages of a new contact processed at once must open one case, not two: take the contact's
            // row lock, then look again. (NO KEY UPDATE on PostgreSQL, so new messages of the contact, which
            // reference its row, are not held up meanwhile.)
            jdbc.sql("select id from contact where id = :id " + lockForUpdate).param("id", contact.id()).query(Long.class).single();
            open = openCase(contact);
        }
        if (open.isEmpty()) {
            Route route = router.route(classification.label(), contact);
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
            if (priority == Priority.URGENT) {
                events.publishEvent(new UrgentCaseRaised(id, route.servicePoint().id(), classification.label(), now));
            }
            return new CaseRef(id, true, classification.label(), priority, route.servicePoint());
        }
        OpenCase c = open.get();
        String category = c.category();
        String servicePoint = c.servicePointId();
        if (Topic.OTHER.label().equals(category) && classification.topic() != Topic.OTHER) {
            Route route = router.route(classification.label(), contact);
            category = classification.label();
            servicePoint = route.servicePoint().id();
            jdbc.sql("update help_case set category = :category, service_point_id = :sp, route_reason = :reason where id = :id")
                    .param("category", category).param("sp", servicePoint).param("reason", route.reason()).param("id", c.id()).update();
        }
        Priority newPriority = c.priority() == Priority.URGENT || priority == Priority.URGENT ? Priority.URGENT : Priority.NORMAL;
        if (newPriority != c.priority()) {
            jdbc.sql("update help_case set priority = :priority, updated_at = :now where id = :id")
                    .param("priority", newPriority.name()).param("now", now).param("id", c.id()).update();
            events.publishEvent(new UrgentCaseRaised(c.id(), servicePoint, category, now));
        }
        String spId = servicePoint;
        return new CaseRef(c.id(), false, category, newPriority, directory.servicePoint(spId)
                .orElseThrow(() -> new IllegalStateException("case " + c.id() + " has an unknown service point")));
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

    private record OpenCase(long id, String category, Priority priority, String servicePointId) {
    }
}
