package vn.kontum.hotline.safety;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contact;

/**
 * Erases a woman's conversation when she sends the erase word: every text and attachment of hers and of ours,
 * and the name the platform gave. The rows stay with their categories, so the anonymous counts stay. After the
 * commit, the chat is also removed from her phone where the platform allows it. Officers' private notes are
 * their work record and follow the retention rules instead.
 */
@Component
public class ConversationErasure {

    private static final Logger log = LoggerFactory.getLogger(ConversationErasure.class);
    /** Telegram lets a bot delete messages of a private chat for 48 hours; a little margin for clocks. */
    private static final Duration DELETABLE_FOR = Duration.ofHours(47);

    private final JdbcClient jdbc;
    private final Map<Channel, ChatEraser> erasers = new EnumMap<>(Channel.class);

    ConversationErasure(JdbcClient jdbc, List<ChatEraser> erasers) {
        this.jdbc = jdbc;
        erasers.forEach(e -> this.erasers.put(e.channel(), e));
    }

    /** Call inside the transaction that handles the erase word; returns how many messages were erased. */
    public int erase(Contact contact, OffsetDateTime now) {
        List<String> onPhone = chatMessageIds(contact, now.minus(DELETABLE_FOR));
        int erased = jdbc.sql("""
                        update message set body = null, attachment_ref = null, choices = null, erased_at = :now
                        where contact_id = :contact and erased_at is null""")
                .param("now", now).param("contact", contact.id()).update();
        jdbc.sql("update contact set display_name = null, erased_at = :now where id = :id").param("now", now).param("id", contact.id()).update();
        ChatEraser eraser = erasers.get(contact.channel());
        if (eraser != null && !onPhone.isEmpty()) {
            afterCommit(() -> eraser.erase(contact.channelUserId(), onPhone));
        }
        log.info("contact {} erased: {} messages, {} removed from the chat", contact.id(), erased, eraser == null ? 0 : onPhone.size());
        return erased;
    }

    /**
     * Whether the contact erased her conversation while this case was already open: whoever writes next may not be
     * her, and the answers on this case must not tell what was there (an urgent report, an earlier message).
     */
    public boolean erasedDuring(long contactId, long caseId) {
        return jdbc.sql("""
                        select count(*) from help_case c join contact t on t.id = c.contact_id
                        where c.id = :case and t.id = :contact and t.erased_at is not null and t.erased_at >= c.opened_at""")
                .param("case", caseId).param("contact", contactId).query(Long.class).single() > 0;
    }

    /** Her messages and ours (each part of ours) still young enough for the platform to delete. */
    private List<String> chatMessageIds(Contact contact, OffsetDateTime since) {
        List<String> ids = new ArrayList<>(jdbc.sql("""
                        select channel_message_id from message
                        where contact_id = :contact and channel_message_id is not null and coalesce(sent_at, created_at) >= :since""")
                .param("contact", contact.id()).param("since", since).query(String.class).list());
        ids.addAll(jdbc.sql("""
                        select p.channel_message_id from message_part p join message m on m.id = p.message_id
                        where m.contact_id = :contact and p.channel_message_id is not null and p.sent_at >= :since""")
                .param("contact", contact.id()).param("since", since).query(String.class).list());
        return ids.stream().distinct().toList();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
