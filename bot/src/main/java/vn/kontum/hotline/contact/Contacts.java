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

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contact's id, created on first contact. Call inside a transaction. */
    public long idFor(Channel channel, String channelUserId, @Nullable String displayName, OffsetDateTime now) {
        Optional<Long> known = findId(channel, channelUserId);
        if (known.isPresent()) {
            return known.get(); // the common case: no write
        }
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, display_name, created_at, last_seen_at)
                        values (:channel, :user, :name, :now, :now)
                        on conflict do nothing""")
                .param("channel", channel.id()).param("user", channelUserId).param("name", displayName).param("now", now)
                .update();
        return jdbc.sql("select id from contact where channel = :channel and channel_user_id = :user")
                .param("channel", channel.id()).param("user", channelUserId)
                .query(Long.class).single();
    }

    public Optional<Contact> find(long id) {
        return jdbc.sql("select id, channel, channel_user_id, village_id, commune_id from contact where id = :id")
                .param("id", id)
                .query((rs, n) -> new Contact(rs.getLong("id"), Channel.of(rs.getString("channel")), rs.getString("channel_user_id"),
                        rs.getString("village_id"), rs.getString("commune_id")))
                .optional();
    }

    public Optional<Long> findId(Channel channel, String channelUserId) {
        return jdbc.sql("select id from contact where channel = :channel and channel_user_id = :user")
                .param("channel", channel.id()).param("user", channelUserId).query(Long.class).optional();
    }

    public void seen(long id, OffsetDateTime now) {
        jdbc.sql("update contact set last_seen_at = :now where id = :id").param("now", now).param("id", id).update();
    }
}
