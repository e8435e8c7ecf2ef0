package vn.kontum.hotline.web;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What every server-sent events stream of the hotline's pages does alike. */
public final class PageStreams {

    private PageStreams() {
    }

    /**
     * Ends the stream of a page found gone at a write (a phone that lost its signal). Tomcat may have ended the request
     * already and then refuses a second ending with an exception: it is swallowed, so that the pages after this one,
     * and the news after this, are still told.
     */
    public static void endGone(SseEmitter emitter, Throwable cause) {
        try {
            emitter.completeWithError(cause);
        } catch (RuntimeException alreadyEnded) {
            // nothing left to end
        }
    }
}
