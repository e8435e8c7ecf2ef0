package vn.kontum.hotline.delivery;

import java.time.Clock;
import java.util.Collection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;

/**
 * What a platform reports about replies it took: delivered to the phone, then seen. A reply in several parts
 * takes the state of the furthest part reported. States only move forward (SENDING or SENT, then DELIVERED,
 * then SEEN): reports arrive out of order, and before the worker has recorded SENT.
 */
@Component
public class DeliveryReports {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeliveryReports(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Returns how many replies changed state. */
    public int delivered(Channel channel, Collection<String> channelMessageIds) {
        return advance(channel, channelMessageIds, "DELIVERED", "'SENDING', 'SENT'");
    }

    public int seen(Channel channel, Collection<String> channelMessageIds) {
        return advance(channel, channelMessageIds, "SEEN", "'SENDING', 'SENT', 'DELIVERED'");
    }

    private int advance(Channel channel, Collection<String> ids, String state, String from) {
        if (ids.isEmpty()) {
            return 0;
        }
        int changed = jdbc.sql("update message set state = :state, sent_at = coalesce(sent_at, :now) where direction = 'OUT' and state in ("
                        + from + ") and id in (select message_id from message_part where channel = :channel and channel_message_id in (:ids))")
                .param("state", state).param("now", HotlineClock.now(clock)).param("channel", channel.id()).param("ids", ids)
                .update();
        if (changed > 0) {
            jdbc.sql("select m.id, m.case_id, c.service_point_id from message m join help_case c on c.id = m.case_id where m.id in"
                            + " (select message_id from message_part where channel = :channel and channel_message_id in (:ids))")
                    .param("channel", channel.id()).param("ids", ids)
                    .query((rs, n) -> new ReplyStateChanged(rs.getLong(1), rs.getLong(2), rs.getString(3))).list()
                    .forEach(events::publishEvent);
        }
        return changed;
    }
}
