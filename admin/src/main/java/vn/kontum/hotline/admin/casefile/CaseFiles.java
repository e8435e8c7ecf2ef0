package vn.kontum.hotline.admin.casefile;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.cases.CaseStatus;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;
import vn.kontum.hotline.secrets.ContentCipher;

/**
 * Reads one case for a viewer. {@link #require} is the single door: a case that does not exist and a case of
 * another service point both answer 404, so that an id typed by hand tells nothing.
 */
@Component
class CaseFiles {

    private final JdbcClient jdbc;
    private final ContentCipher content;

    CaseFiles(JdbcClient jdbc, ContentCipher content) {
        this.content = content;
        this.jdbc = jdbc;
    }

    CaseFile require(Viewer viewer, long id) {
        return jdbc.sql("""
                        select c.id, c.contact_id, ct.display_name as contact_name, c.channel, c.category, c.priority, c.status,
                               c.service_point_id, sp.name as sp_name, c.assigned_officer_id, a.display_name as assigned_name,
                               c.opened_at, c.first_reply_at, c.resolved_at, c.closed_at
                        from help_case c
                        join contact ct on ct.id = c.contact_id
                        join service_point sp on sp.id = c.service_point_id
                        left join account a on a.id = c.assigned_officer_id
                        where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new CaseFile(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("contact_name"),
                        rs.getString("channel"), rs.getString("category"), rs.getString("priority"),
                        CaseStatus.valueOf(rs.getString("status")), rs.getString("service_point_id"), rs.getString("sp_name"),
                        (Long) rs.getObject("assigned_officer_id", Long.class), rs.getString("assigned_name"),
                        rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("first_reply_at", OffsetDateTime.class),
                        rs.getObject("resolved_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class)))
                .optional()
                .filter(c -> viewer.canSee(c.servicePointId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The conversation in order. Call only after {@link #require}. */
    List<ThreadEntry> thread(CaseFile file) {
        return jdbc.sql("""
                        select m.id, m.direction, m.channel, m.body, m.attachment_type, m.category, m.confidence, m.urgent, m.state,
                               m.failure_reason, a.display_name as author_name, m.created_at, m.sent_at, m.erased_at
                        from message m left join account a on a.id = m.author_account_id
                        where m.case_id = :case order by m.id""")
                .param("case", file.id())
                .query((rs, n) -> new ThreadEntry(rs.getLong("id"), "IN".equals(rs.getString("direction")), rs.getString("channel"),
                        content.open(rs.getString("body")), rs.getString("attachment_type"), rs.getString("category"),
                        (Double) rs.getObject("confidence", Double.class), Boolean.TRUE.equals(rs.getObject("urgent", Boolean.class)),
                        rs.getString("state"), rs.getString("failure_reason"), rs.getString("author_name"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getObject("erased_at", OffsetDateTime.class) != null))
                .list();
    }

    /** Zalo lets the OA answer for 7 days after the contact's last message. */
    static final java.time.Duration ZALO_WINDOW = java.time.Duration.ofDays(7);

    /** Until when a reply can still reach a Zalo contact (null for other channels, or before any message). */
    @org.jspecify.annotations.Nullable OffsetDateTime zaloWindow(CaseFile file) {
        if (!"zalo".equals(file.channel())) {
            return null;
        }
        return jdbc.sql("select max(created_at) from message where contact_id = :c and direction = 'IN'").param("c", file.contactId())
                .query(OffsetDateTime.class).optional().map(last -> last.plus(ZALO_WINDOW)).orElse(null);
    }

    /** The officer has now seen every message of the case so far: the inbox stops marking it unread for her. */
    void markRead(Viewer viewer, CaseFile file) {
        Long last = jdbc.sql("select max(id) from message where case_id = :c and direction = 'IN'").param("c", file.id())
                .query(Long.class).optional().orElse(null);
        if (last == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        int updated = jdbc.sql("update case_read set last_message_id = :m, read_at = :now where account_id = :a and case_id = :c")
                .param("m", last).param("now", now).param("a", viewer.accountId()).param("c", file.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into case_read (account_id, case_id, last_message_id, read_at) values (:a, :c, :m, :now)
                            on conflict do nothing""")
                    .param("a", viewer.accountId()).param("c", file.id()).param("m", last).param("now", now).update();
        }
    }

    /** The officers' private notes. Call only after {@link #require}. */
    List<CaseNote> notes(CaseFile file) {
        return jdbc.sql("""
                        select n.id, a.display_name, n.body, n.created_at from case_note n join account a on a.id = n.author_account_id
                        where n.case_id = :case order by n.id""")
                .param("case", file.id())
                .query((rs, n) -> new CaseNote(rs.getLong(1), rs.getString(2), content.open(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /**
     * When the woman last asked for her conversation to be erased (null: never). She may have done it because someone
     * else holds her phone: the officer must know before writing to her. Call only after {@link #require}.
     */
    @Nullable OffsetDateTime erasedByHer(CaseFile file) {
        return jdbc.sql("select erased_at from contact where id = :contact").param("contact", file.contactId())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
    }

    /**
     * The hours she said are safe to write to her, as "20–22" (null: any hour): the officer knows before writing that a
     * reply outside them waits. Call only after {@link #require}.
     */
    @Nullable String safeHours(CaseFile file) {
        return jdbc.sql("select safe_from_hour, safe_to_hour from contact where id = :contact and safe_from_hour is not null")
                .param("contact", file.contactId())
                .query((rs, n) -> rs.getInt(1) + "–" + rs.getInt(2)).optional().orElse(null);
    }

    /**
     * When she asked not to be written to ("đừng nhắn lại"), if that is still her last word (null otherwise): someone
     * may be beside her. Written again, she has lifted it. Call only after {@link #require}.
     */
    @Nullable OffsetDateTime silenceAskedByHer(CaseFile file) {
        return jdbc.sql("""
                        select c.silence_asked_at from contact c where c.id = :contact and c.silence_asked_at is not null
                          and not exists (select 1 from message m where m.contact_id = c.id and m.direction = 'IN'
                                          and m.created_at > c.silence_asked_at)""")
                .param("contact", file.contactId())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
    }

    /** Why the case went where it is, and the service points told about it besides. Call only after {@link #require}. */
    CaseRouting routing(CaseFile file) {
        String reason = jdbc.sql("select route_reason from help_case where id = :case").param("case", file.id()).query(String.class).single();
        List<String> alsoNotified = jdbc.sql("""
                        select sp.name from case_also_notified n join service_point sp on sp.id = n.service_point_id
                        where n.case_id = :case order by n.notified_at, sp.name""")
                .param("case", file.id()).query(String.class).list();
        CaseRouting.Transfer lastTransfer = jdbc.sql("""
                        select sp.name, t.reason, a.display_name, t.transferred_at
                        from case_transfer t join service_point sp on sp.id = t.from_service_point_id
                             left join account a on a.id = t.account_id
                        where t.case_id = :case order by t.id desc fetch first 1 rows only""")
                .param("case", file.id())
                .query((rs, n) -> new CaseRouting.Transfer(rs.getString(1), content.open(rs.getString(2)), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .optional().orElse(null);
        return new CaseRouting(reason, alsoNotified, lastTransfer);
    }

    /** Where a case may be transferred: every service point, by name. */
    List<ServicePoint> servicePoints() {
        return jdbc.sql("select id, kind, name, commune_id, phone from service_point order by name, id")
                .query((rs, n) -> new ServicePoint(rs.getString("id"), ServicePointKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("commune_id"), rs.getString("phone")))
                .list();
    }
}
