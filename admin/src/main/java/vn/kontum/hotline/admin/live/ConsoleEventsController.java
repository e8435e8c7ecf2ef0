package vn.kontum.hotline.admin.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;

/**
 * {@code GET /admin/events}: the stream of {@link CaseNews} for the signed-in officer's pages, as server-sent
 * events of a few dozen bytes ({@code {"kind":"message","case":12}}). Any signed-in account may open it; what
 * reaches it is decided case by case on the server.
 */
@Controller
class ConsoleEventsController {

    private final Accounts accounts;
    private final ConsoleStreams streams;

    ConsoleEventsController(Accounts accounts, ConsoleStreams streams) {
        this.accounts = accounts;
        this.streams = streams;
    }

    @GetMapping(path = "/admin/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        Viewer viewer = accounts.viewer(auth);
        HttpSession session = request.getSession(false);
        // A proxy such as nginx would otherwise hold the events back in its buffer.
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(viewer, session != null ? "session:" + session.getId() : "account:" + viewer.accountId(),
                Accounts.sessionEpochOf(auth));
    }
}
