package vn.kontum.hotline.admin.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.redis.NewsBroadcast;
import vn.kontum.hotline.web.PageStreams;

/**
 * The officers' pages connected to this node, each with the viewer it was opened for. {@link CaseNews} from
 * Redis reaches a page only if that viewer may see the case's service point now ({@link Viewer#canSee}: an
 * officer her own service points, a coordinator all), the same rule as every read of a case.
 * <p>
 * A stream lasts a few minutes, then the browser opens a new one with its session, so that who may see what is
 * read again. Comments go out every 20 s, so that proxies keep the connection and a page that has gone away is
 * noticed. One session holds a few streams at most (pages left without closing are only noticed at the next
 * write): a new one pushes out its oldest, which is told {@code bye} so that it does not come straight back.
 * <p>
 * A stream ends with its session: at logout or timeout at once, and, when the account is disabled or changed
 * (which ends its sessions at their next request), at the next heartbeat, rather than running on to its end.
 */
@Component
class ConsoleStreams implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleStreams.class);
    /** How long the browser waits before opening a new stream after one ended. */
    private static final long RECONNECT_MILLIS = 5_000;

    private final Accounts accounts;
    private final long timeoutMillis;
    private final int perSession;
    private final int perNode;
    /** Streams by their owner (a session, or an account for a client without one), oldest first. */
    private final Map<String, Deque<Stream>> byOwner = new HashMap<>();
    private int count;

    ConsoleStreams(Accounts accounts, @Value("${hotline.console.stream-lifetime:PT5M}") Duration lifetime,
                   @Value("${hotline.console.streams-per-session:4}") int perSession,
                   @Value("${hotline.console.streams-per-node:2000}") int perNode) {
        this.accounts = accounts;
        this.timeoutMillis = lifetime.toMillis();
        this.perSession = perSession;
        this.perNode = perNode;
    }

    private record Stream(String owner, Viewer viewer, int sessionEpoch, SseEmitter emitter) {
    }

    SseEmitter open(Viewer viewer, String owner, int sessionEpoch) {
        SseEmitter emitter = newEmitter(timeoutMillis);
        Stream stream = new Stream(owner, viewer, sessionEpoch, emitter);
        List<Stream> pushedOut = new ArrayList<>();
        synchronized (this) {
            if (count >= perNode) {
                // The page falls back to its slow poll.
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
            }
            Deque<Stream> own = byOwner.computeIfAbsent(owner, o -> new ArrayDeque<>());
            own.addLast(stream);
            count++;
            while (own.size() > perSession) {
                pushedOut.add(own.removeFirst());
                count--;
            }
        }
        emitter.onCompletion(() -> remove(stream));
        emitter.onTimeout(() -> {
            remove(stream);
            emitter.complete();
        });
        emitter.onError(e -> remove(stream));
        for (Stream old : pushedOut) {
            send(old, SseEmitter.event().name("bye").data("too-many-streams").build());
            old.emitter().complete();
        }
        // The first write sends the headers, so that the browser knows at once that the stream is open.
        send(stream, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("open").build());
        log.debug("console stream opened for account {}", viewer.accountId());
        return emitter;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        List<Stream> streams = snapshot();
        for (String line : NewsBroadcast.lines(message)) {
            CaseNews.decode(line).ifPresent(news -> {
                Set<DataWithMediaType> event = SseEmitter.event().data(news.browserData()).build();
                for (Stream stream : streams) {
                    if (stream.viewer().canSee(news.servicePointId())) {
                        send(stream, event);
                    }
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${hotline.console.heartbeat:PT20S}", initialDelayString = "${hotline.console.heartbeat:PT20S}")
    void heartbeat() {
        Set<DataWithMediaType> beat = SseEmitter.event().comment("").build();
        Map<String, Boolean> admitted = new HashMap<>();
        for (Stream stream : snapshot()) {
            if (admitted.computeIfAbsent(stream.viewer().username() + "@" + stream.sessionEpoch(),
                    k -> accounts.admitsSession(stream.viewer().username(), stream.sessionEpoch()))) {
                send(stream, beat);
            } else {
                end(stream, "account changed");
            }
        }
    }

    /** Logout, or the session timed out: its pages hear nothing more. */
    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent event) {
        String owner = "session:" + event.getId();
        snapshot().stream().filter(stream -> stream.owner().equals(owner)).forEach(stream -> end(stream, "session ended"));
    }

    private void end(Stream stream, String why) {
        log.info("console stream of account {} ended: {}", stream.viewer().accountId(), why);
        remove(stream);
        try {
            stream.emitter().complete();
        } catch (RuntimeException alreadyEnded) {
            // nothing left to end
        }
    }

    /** Pages reconnect to another node, or to this one after the restart; shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        snapshot().forEach(stream -> stream.emitter().complete());
    }

    /**
     * {@code event} built once, then written to every page as it is: a builder given to each page in turn would add
     * one more blank line for each page it had already been written to.
     */
    private void send(Stream stream, Set<DataWithMediaType> event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            // The page has gone away: the connection is closed and the stream forgotten.
            remove(stream);
            PageStreams.endGone(stream.emitter(), gone);
        }
    }

    /** The emitter of a new stream (a test gives one whose page has gone away). */
    SseEmitter newEmitter(long timeoutMillis) {
        return new SseEmitter(timeoutMillis);
    }

    private synchronized List<Stream> snapshot() {
        List<Stream> all = new ArrayList<>(count);
        byOwner.values().forEach(all::addAll);
        return all;
    }

    private synchronized void remove(Stream stream) {
        Deque<Stream> own = byOwner.get(stream.owner());
        if (own != null && own.remove(stream)) {
            count--;
            if (own.isEmpty()) {
                byOwner.remove(stream.owner());
            }
        }
    }
}
