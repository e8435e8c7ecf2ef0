package vn.kontum.hotline.admin.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages of one node, without a server: what each is written when news comes, whatever became of the others. */
class ConsoleStreamsTest {

    private static final Viewer OFFICER = new Viewer(7, "officer", EnumSet.of(Role.OFFICER), Set.of("sp-1"));

    /** An emitter that records what it is written, or one whose page has gone away and whose request Tomcat has ended. */
    private static final class Page extends SseEmitter {
        private volatile boolean gone;
        private final List<String> written = new CopyOnWriteArrayList<>();

        void goAway() {
            gone = true;
        }

        @Override
        public void send(Set<DataWithMediaType> event) throws IOException {
            if (gone) {
                throw new IOException("Broken pipe");
            }
            event.forEach(part -> written.add(part.getData().toString()));
        }

        @Override
        public void completeWithError(Throwable ex) {
            if (gone) {
                throw new IllegalStateException("the request has ended already");
            }
            super.completeWithError(ex);
        }
    }

    @Test
    void a_page_gone_away_keeps_neither_the_pages_after_it_nor_the_news_after_it_from_being_told() {
        List<Page> pages = List.of(new Page(), new Page());
        ConsoleStreams streams = new ConsoleStreams(Duration.ofMinutes(5), 4, 100) {
            private int opened;

            @Override
            SseEmitter newEmitter(long timeoutMillis) {
                return pages.get(opened++);
            }
        };
        streams.open(OFFICER, "session-1");
        streams.open(OFFICER, "session-1");
        pages.getFirst().goAway(); // the first in her session's list: the first written to

        streams.onMessage(new DefaultMessage("hotline:console:case-news".getBytes(StandardCharsets.UTF_8),
                "message 41 sp-1\nmessage 42 sp-1".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(pages.get(1).written).contains("{\"kind\":\"message\",\"case\":41}", "{\"kind\":\"message\",\"case\":42}");
    }
}
