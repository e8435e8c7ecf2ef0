package vn.kontum.hotline.channel.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.secrets.ContentCipher;

/** What the woman sees of her own conversation: her messages and the replies that were delivered to her. */
@Component
class ChatThreads {

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final ContentCipher content;

    ChatThreads(JdbcClient jdbc, Contacts contacts, ContentCipher content) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.content = content;
    }

    static final int MAX_LINES = 200;

    /** {@code choices}: the buttons under a reply of ours (she presses one to answer with its label). */
    record Line(long id, String from, String text, OffsetDateTime at, List<Choice> choices) {
    }

    /**
     * The newest lines after {@code afterId} (at most {@value #MAX_LINES}), oldest first. A reply counts from
     * SENDING on: delivering a web reply is announcing it to the page, which happens before the worker records
     * SENT, and the page reads the thread as soon as it hears.
     */
    List<Line> after(String session, long afterId) {
        return contacts.findId(Channel.WEB, session).map(contact -> jdbc.sql("""
                        select id, direction, body, choices, coalesce(sent_at, created_at) as at from message
                        where contact_id = :contact and id > :after and body is not null
                          and (direction = 'IN' or state in ('SENDING', 'SENT', 'DELIVERED', 'SEEN'))
                        order by id desc fetch first 200 rows only""")
                .param("contact", contact).param("after", afterId)
                .query((rs, n) -> new Line(rs.getLong("id"), "IN".equals(rs.getString("direction")) ? "me" : "hotline",
                        content.open(rs.getString("body")), rs.getObject("at", OffsetDateTime.class), Choice.read(rs.getString("choices"))))
                .list().reversed()).orElse(List.of());
    }
}
