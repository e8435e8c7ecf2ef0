package vn.kontum.hotline.support;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A page's stream without a server: records the data it is written, or, once {@link #goAway gone}, fails every write
 * as a closed connection does and refuses to be ended as Tomcat does for a request it has ended already.
 */
public final class PageEmitter extends SseEmitter {

    private volatile boolean gone;
    private final List<String> data = new CopyOnWriteArrayList<>();

    public void goAway() {
        gone = true;
    }

    /** The data of the events written, in order (names, comments and the blank lines between events left out). */
    public List<String> data() {
        return data;
    }

    @Override
    public void send(SseEventBuilder event) throws IOException {
        send(event.build());
    }

    @Override
    public void send(Set<DataWithMediaType> event) throws IOException {
        if (gone) {
            throw new IOException("Broken pipe");
        }
        // The builder's own text ("event:update\ndata:", "retry:...", "\n\n") frames the data objects between it.
        event.stream().map(part -> part.getData().toString().strip())
                .filter(text -> !text.isEmpty() && !text.matches("(?s)(event|data|retry|id)?:.*"))
                .forEach(data::add);
    }

    @Override
    public void completeWithError(Throwable ex) {
        if (gone) {
            throw new IllegalStateException("the request has ended already");
        }
        super.completeWithError(ex);
    }
}
