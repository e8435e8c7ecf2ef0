package vn.kontum.hotline.channel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat pages of one node, without a server: a page gone away keeps no other from hearing of its answer. */
class ChatPushTest {

    /** An emitter that records what it is written, or, once gone, one whose request Tomcat has ended. */
    private static final class Page extends SseEmitter {
        private volatile boolean gone;
        private final List<String> written = new CopyOnWriteArrayList<>();

        void goAway() {
            gone = true;
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
            event.stream().map(part -> part.getData().toString()).filter(d -> !d.startsWith("event:")).map(String::strip)
                    .filter(d -> !d.startsWith("data:") && !d.isEmpty()).forEach(written::add);
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
    void a_page_gone_away_keeps_neither_her_other_page_nor_the_next_session_from_being_told() {
        List<Page> pages = List.of(new Page(), new Page(), new Page());
        ChatPush push = new ChatPush(new StringRedisTemplate()) {
            private int opened;

            @Override
            SseEmitter newEmitter(long timeoutMillis) {
                return pages.get(opened++);
            }
        };
        try {
            push.subscribe("session-a");
            push.subscribe("session-a");
            push.subscribe("session-b");
            pages.getFirst().goAway();

            push.onMessage(new DefaultMessage(ChatPush.CHANNEL.getBytes(StandardCharsets.UTF_8),
                    "session-a\nsession-b".getBytes(StandardCharsets.UTF_8)), null);

            assertThat(pages.get(1).written).containsExactly("ok", "new");
            assertThat(pages.get(2).written).containsExactly("ok", "new");
        } finally {
            push.closeAll();
        }
    }
}
