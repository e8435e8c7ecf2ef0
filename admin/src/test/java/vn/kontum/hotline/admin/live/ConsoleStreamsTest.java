package vn.kontum.hotline.admin.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.support.PageEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages of one node, without a server: what each is written when news comes, whatever became of the others. */
class ConsoleStreamsTest {

    private static final Viewer OFFICER = new Viewer(7, "officer", EnumSet.of(Role.OFFICER), Set.of("sp-1"));

    @Test
    void a_page_gone_away_keeps_neither_the_pages_after_it_nor_the_news_after_it_from_being_told() {
        List<PageEmitter> pages = List.of(new PageEmitter(), new PageEmitter());
        ConsoleStreams streams = new ConsoleStreams(null, Duration.ofMinutes(5), 4, 100) {
            private int opened;

            @Override
            SseEmitter newEmitter(long timeoutMillis) {
                return pages.get(opened++);
            }
        };
        streams.open(OFFICER, "session-1", 0);
        streams.open(OFFICER, "session-1", 0);
        pages.getFirst().goAway(); // the first in her session's list: the first written to

        streams.onMessage(new DefaultMessage("hotline:console:case-news".getBytes(StandardCharsets.UTF_8),
                "message 41 sp-1\nmessage 42 sp-1".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(pages.get(1).data()).containsExactly("{\"kind\":\"message\",\"case\":41}", "{\"kind\":\"message\",\"case\":42}");
    }
}
