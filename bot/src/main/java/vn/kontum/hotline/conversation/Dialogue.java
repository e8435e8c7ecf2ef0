package vn.kontum.hotline.conversation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.delivery.Choice;

/**
 * Where each conversation stands, kept in Redis with an expiry: whether the woman has had the welcome, whether
 * she was asked where she lives, and the buttons she was last offered (so that "2" means the second of them).
 * Redis keeps it across restarts (AOF). If Redis cannot answer, the conversation goes on without it: no
 * welcome twice, no number read as a choice.
 */
@Component
class Dialogue {

    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);
    private static final String KEY = "hotline:dialogue:";

    private final StringRedisTemplate redis;
    private final Duration keepFor;

    Dialogue(StringRedisTemplate redis, @Value("${hotline.conversation.state-ttl:P30D}") Duration keepFor) {
        this.redis = redis;
        this.keepFor = keepFor;
    }

    DialogueState load(long contactId) {
        try {
            Map<Object, Object> fields = redis.opsForHash().entries(KEY + contactId);
            if (fields.isEmpty()) {
                return DialogueState.NEW;
            }
            return new DialogueState("1".equals(fields.get("welcomed")), "1".equals(fields.get("locationAsked")),
                    Choice.read((String) fields.get("offered")), answered((String) fields.get("answered")));
        } catch (DataAccessException e) {
            log.warn("conversation state of contact {} unreadable ({}); going on without it", contactId, e.getClass().getSimpleName());
            return DialogueState.UNKNOWN;
        }
    }

    /** Writes only what changed since {@code before}: most follow-up messages change nothing. */
    void save(long contactId, DialogueState before, DialogueState state) {
        if (state.equals(before) && before != DialogueState.NEW) {
            return;
        }
        save(contactId, state);
    }

    void save(long contactId, DialogueState state) {
        Map<String, String> fields = new HashMap<>();
        fields.put("welcomed", state.welcomed() ? "1" : "0");
        fields.put("locationAsked", state.locationAsked() ? "1" : "0");
        String offered = Choice.store(state.offered());
        fields.put("offered", offered == null ? "" : offered);
        fields.put("answered", state.answered().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        try {
            redis.opsForHash().putAll(KEY + contactId, fields);
            redis.expire(KEY + contactId, keepFor);
        } catch (DataAccessException e) {
            log.warn("conversation state of contact {} not saved ({})", contactId, e.getClass().getSimpleName());
        }
    }

    void forget(long contactId) {
        try {
            redis.delete(KEY + contactId);
        } catch (DataAccessException e) {
            log.warn("conversation state of contact {} not deleted ({}); it expires by itself", contactId, e.getClass().getSimpleName());
        }
    }

    private static java.util.Set<Long> answered(@org.jspecify.annotations.Nullable String stored) {
        java.util.Set<Long> out = new java.util.TreeSet<>();
        if (stored != null) {
            for (String id : stored.split(",")) {
                if (id.matches("\\d{1,18}")) {
                    out.add(Long.parseLong(id));
                }
            }
        }
        return java.util.Set.copyOf(out);
    }

    /**
     * @param welcomed      the welcome and privacy notice were sent
     * @param locationAsked she was asked where she lives (asked once; she can skip)
     * @param offered       the buttons under the last question, until she answers or writes something else
     * @param answered      the knowledge entries already sent to her: a long answer is not sent twice
     */
    record DialogueState(boolean welcomed, boolean locationAsked, List<Choice> offered, java.util.Set<Long> answered) {

        static final DialogueState NEW = new DialogueState(false, false, List.of(), java.util.Set.of());
        /** Redis could not say: behave as with someone already welcomed and asked. */
        static final DialogueState UNKNOWN = new DialogueState(true, true, List.of(), java.util.Set.of());

        DialogueState welcomed(boolean value) {
            return new DialogueState(value, locationAsked, offered, answered);
        }

        DialogueState askedLocation() {
            return new DialogueState(welcomed, true, offered, answered);
        }

        DialogueState offering(List<Choice> choices) {
            return new DialogueState(welcomed, locationAsked, List.copyOf(choices), answered);
        }

        DialogueState answering(long knowledgeId) {
            java.util.Set<Long> more = new java.util.TreeSet<>(answered);
            more.add(knowledgeId);
            return new DialogueState(welcomed, locationAsked, offered, java.util.Set.copyOf(more));
        }
    }
}
