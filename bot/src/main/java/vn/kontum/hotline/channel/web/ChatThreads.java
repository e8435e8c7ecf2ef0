package vn.kontum.hotline.channel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.SafeHours;
import vn.kontum.hotline.delivery.Choice;
import vn.kontum.hotline.secrets.ContentCipher;

/**
 * What the woman sees of her own conversation: her messages and the replies that were delivered to her.
 * <p>
 * The open page reads it again whenever it hears of something new, from a cursor this class gives it. Asking only
 * for lines above the newest shown lost replies for good: a line becomes visible out of id order when a reply is held
 * for her safe hours while she writes on, when two delivery workers claim replies out of order, or when a line is
 * committed after a newer one. So the cursor is the highest id below which nothing can change any more, and the page
 * names the lines it already shows above it, which are not sent again: every line reaches it once, and a read costs
 * a few ids more while a reply waits or a line settles. (A server-side cursor on when a line became visible would
 * need a column written by every path that makes one visible, and the same margin for late commits.)
 */
@Component
class ChatThreads {

    static final int MAX_LINES = 200;

    /**
     * How long a line written may stay uncommitted while a newer line is already visible: more than twice the longest
     * transaction writing a message (its id and its time are taken up to a transaction apart), with room for the
     * clocks of two nodes to differ. The cursor stays below every line younger than this.
     */
    static final Duration SETTLING = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ContentCipher content;
    private final Clock clock;

    ChatThreads(JdbcClient jdbc, ContentCipher content, Clock clock) {
        this.jdbc = jdbc;
        this.content = content;
        this.clock = clock;
    }

    /** {@code choices}: the buttons under a reply of ours (she presses one to answer with its label). */
    record Line(long id, String from, String text, OffsetDateTime at, List<Choice> choices) {
    }

    /** The lines the page did not have, oldest first, and the cursor to read from next time. */
    record Read(List<Line> lines, long cursor) {
    }

    /**
     * The newest lines after {@code afterId} (at most {@value #MAX_LINES}) but those in {@code have}. A reply counts
     * from SENDING on: delivering a web reply is announcing it to the page, which happens before the worker records
     * SENT, and the page reads the thread as soon as it hears.
     * <p>
     * The cursor is below every reply still QUEUED or SENDING (a reply SENDING may yet go back to the queue: held for
     * her hours, or a retry) and below every line younger than {@link #SETTLING}; so every line at or below it is
     * visible for good or never will be. It is read before the lines: a reply made visible in between is then in the
     * lines, or above the cursor.
     */
    Read after(String session, long afterId, Set<Long> have) {
        Optional<Cursor> found = cursor(session);
        if (found.isEmpty()) {
            return new Read(List.of(), afterId);
        }
        OffsetDateTime now = HotlineClock.now(clock);
        @Nullable SafeHours safe = found.get().safeHours();
        List<Line> lines = jdbc.sql("""
                        select id, direction, body, choices, state, urgent, coalesce(sent_at, created_at) as at from message
                        where contact_id = :contact and id > :after and body is not null
                          and (direction = 'IN' or state in ('SENDING', 'SENT', 'DELIVERED', 'SEEN'))
                        order by id desc fetch first 200 rows only""")
                .param("contact", found.get().contact()).param("after", afterId)
                .query((rs, n) -> heldForHerHours(rs, safe, now) ? null
                        : new Line(rs.getLong("id"), "IN".equals(rs.getString("direction")) ? "me" : "hotline",
                        content.open(rs.getString("body")), rs.getObject("at", OffsetDateTime.class), Choice.read(rs.getString("choices"))))
                .list();
        return new Read(lines.reversed().stream().filter(line -> line != null && !have.contains(line.id())).toList(), found.get().cursor());
    }

    /**
     * A reply SENDING outside the hours she said are safe is one the worker has just claimed and is about to hold
     * (it checks her hours after the claim): never shown, not even for that moment, as the worker would not send it.
     */
    private static boolean heldForHerHours(java.sql.ResultSet rs, @Nullable SafeHours safe, OffsetDateTime now)
            throws java.sql.SQLException {
        return safe != null && "SENDING".equals(rs.getString("state")) && !rs.getBoolean("urgent") && !safe.allows(now);
    }

    private record Cursor(long contact, long cursor, @Nullable SafeHours safeHours) {
    }

    /** Her contact and the cursor, in one query (a thread is small: its rows are read through the contact's index). */
    private Optional<Cursor> cursor(String session) {
        return jdbc.sql("""
                        select c.id as contact, c.safe_from_hour, c.safe_to_hour,
                               max(case when m.created_at < :settled then m.id end) as settled,
                               min(case when m.direction = 'OUT' and m.state in ('QUEUED', 'SENDING') and m.body is not null
                                        then m.id end) as pending
                        from contact c left join message m on m.contact_id = c.id
                        where c.channel = :channel and c.channel_user_id = :session
                        group by c.id, c.safe_from_hour, c.safe_to_hour""")
                .param("settled", HotlineClock.now(clock).minus(SETTLING)).param("channel", Channel.WEB.id()).param("session", session)
                .query((rs, n) -> {
                    long contact = rs.getLong("contact");
                    int from = rs.getInt("safe_from_hour");
                    boolean noHours = rs.wasNull();
                    int to = rs.getInt("safe_to_hour");
                    SafeHours safe = noHours || rs.wasNull() ? null : new SafeHours(from, to);
                    long settled = rs.getLong("settled"); // 0 when none is that old
                    long pending = rs.getLong("pending"); // read last: wasNull below speaks of it
                    return new Cursor(contact, rs.wasNull() ? settled : Math.min(settled, pending - 1), safe);
                })
                .optional();
    }
}
