package vn.kontum.hotline.channel.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.support.PageEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat pages of one node, without a server: a page gone away keeps no other from hearing of its answer. */
class ChatPushTest {

    @Test
    void a_page_gone_away_keeps_neither_her_other_page_nor_the_next_session_from_being_told() {
        List<PageEmitter> pages = List.of(new PageEmitter(), new PageEmitter(), new PageEmitter());
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

            assertThat(pages.get(1).data()).containsExactly("ok", "new");
            assertThat(pages.get(2).data()).containsExactly("ok", "new");
        } finally {
            push.closeAll();
        }
    }
}
