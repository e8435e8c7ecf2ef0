package vn.kontum.hotline.contact;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;

/** One pseudonymous contact per channel identity. */
@Component
public class Contacts {

    private static final int MAX_REMEMBERED = 50_000;

    private final JdbcClient jdbc;
    private final java.util.Map<String, Long> knownIds = new java.util.concurrent.ConcurrentHashMap<>();

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contact's id, created on first contact. Call inside a transaction. */
    public long idFor(Channel channel, String channelUserId, @Nullable String displayName, OffsetDateTime now) {
        String key = channel.id() + ':' + channelUserId;
        Long cached = knownIds.get(key);
        if (cached != null) {
            return cached; // the common case: a contact writing again, no query at all
        }
        Optional<Long> known = findId(channel, channelUserId);
        if (known.isPresent()) {
            remember(key, known.get());
            return known.get();
        }
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, display_name, created_at)
                        values (:channel, :user, :name, :now)
                        on conflict do nothing""")
                .param("channel", channel.id()).param("user", channelUserId).param("name", displayName).param("now", now)
                .update();
        return jdbc.sql("select id from contact where channel = :channel and channel_user_id = :user")
                .param("channel", channel.id()).param("user", channelUserId)
                .query(Long.class).single(); // not cached: the transaction creating it may still roll back
    }

    /** Contact ids never change once created (erasure keeps the row), so they can be remembered; bounded. */
    private void remember(String key, long id) {
        if (knownIds.size() >= MAX_REMEMBERED) {
            knownIds.clear();
        }
        knownIds.put(key, id);
    }

    public Optional<Contact> find(long id) {
        return jdbc.sql("select id, channel, channel_user_id, village_id, commune_id from contact where id = :id")
                .param("id", id)
                .query((rs, n) -> new Contact(rs.getLong("id"), Channel.of(rs.getString("channel")), rs.getString("channel_user_id"),
                        rs.getString("village_id"), rs.getString("commune_id")))
                .optional();
    }

    /** Where she said she lives; a village implies its commune. */
    public void locate(long contactId, @Nullable String communeId, @Nullable String villageId) {
        // located_at: the statistics count her earlier cases again, in the place she now gives.
        jdbc.sql("""
                        update contact set commune_id = coalesce(:commune, commune_id), village_id = coalesce(:village, village_id),
                               located_at = current_timestamp where id = :id""")
                .param("commune", communeId).param("village", villageId).param("id", contactId).update();
    }

    /** The hours she said it is safe to write to her; null clears them. */
    public void setSafeHours(long contactId, @Nullable SafeHours hours) {
        jdbc.sql("update contact set safe_from_hour = :from, safe_to_hour = :to where id = :id")
                .param("from", hours == null ? null : hours.fromHour()).param("to", hours == null ? null : hours.toHour())
                .param("id", contactId).update();
    }

    /** She asked not to be written to ("đừng nhắn lại"): the officers are warned until she writes again. */
    public void askedForSilence(long contactId, java.time.OffsetDateTime now) {
        jdbc.sql("update contact set silence_asked_at = :now where id = :id").param("now", now).param("id", contactId).update();
    }

    public Optional<Long> findId(Channel channel, String channelUserId) {
        return jdbc.sql("select id from contact where channel = :channel and channel_user_id = :user")
                .param("channel", channel.id()).param("user", channelUserId).query(Long.class).optional();
    }
}
