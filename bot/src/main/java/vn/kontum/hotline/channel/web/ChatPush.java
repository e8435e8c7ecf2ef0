package vn.kontum.hotline.channel.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.redis.NewsBroadcast;
import vn.kontum.hotline.web.PageStreams;

/**
 * Tells open chat pages that a reply arrived. The reply may be sent by another node than the one holding the
 * page's SSE connection, so the news goes through Redis pub/sub. It carries only the session id, never text.
 */
@Component
class ChatPush implements MessageListener {

    static final String CHANNEL = "hotline:webchat:push";
    private static final long TIMEOUT_MILLIS = 5 * 60_000;

    private final NewsBroadcast broadcast;
    private final Map<String, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

    ChatPush(StringRedisTemplate redis) {
        this.broadcast = new NewsBroadcast(redis, CHANNEL, 10_000);
    }

    SseEmitter subscribe(String session) {
        SseEmitter emitter = newEmitter(TIMEOUT_MILLIS);
        emitters.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> emitters.computeIfPresent(session, (s, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data("ok"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** The emitter of a new page's stream (a test gives one whose page has gone away). */
    SseEmitter newEmitter(long timeoutMillis) {
        return new SseEmitter(timeoutMillis);
    }

    /** Announces new content for a session, to whichever node holds its page; returns at once. */
    void announce(String session) {
        broadcast.tell(session);
    }

    /** Open pages reconnect to another node (or after the restart); shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        broadcast.close();
        emitters.values().forEach(set -> set.forEach(SseEmitter::complete));
        emitters.clear();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        for (String session : NewsBroadcast.lines(message)) {
            Set<SseEmitter> open = emitters.get(session);
            if (open == null) {
                continue;
            }
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().name("update").data("new"));
                } catch (IOException | IllegalStateException e) {
                    PageStreams.endGone(emitter, e);
                }
            }
        }
    }
}
