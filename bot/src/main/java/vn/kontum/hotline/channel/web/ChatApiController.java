package vn.kontum.hotline.channel.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.intake.Acceptance;
import vn.kontum.hotline.intake.InboundMessage;
import vn.kontum.hotline.intake.MessageIntake;
import vn.kontum.hotline.web.ApiException;
import vn.kontum.hotline.web.RateLimiter;
import vn.kontum.hotline.web.TooManyRequests;

/**
 * The web chat over HTTP: start the session (for a page that came without one), send a message (answered 202
 * once it is stored), read the thread, and an SSE stream that says when there is something new to read.
 */
@RestController
@RequestMapping("/chat/api")
class ChatApiController {

    private static final Logger log = LoggerFactory.getLogger(ChatApiController.class);

    static final int MAX_TEXT = 10_000;
    static final String CURSOR = "Chat-Cursor";

    private final MessageIntake intake;
    private final ChatThreads threads;
    private final ChatPush push;
    private final RateLimiter limiter;
    private final int perSessionPerMinute;
    private final int perAddressPerMinute;
    private final boolean secureCookies;

    ChatApiController(MessageIntake intake, ChatThreads threads, ChatPush push, RateLimiter limiter,
                      @Value("${hotline.webchat.per-session-per-minute:20}") int perSessionPerMinute,
                      @Value("${hotline.webchat.per-address-per-minute:120}") int perAddressPerMinute,
                      @Value("${hotline.cookies.secure:false}") boolean secureCookies) {
        this.intake = intake;
        this.threads = threads;
        this.push = push;
        this.limiter = limiter;
        this.perSessionPerMinute = perSessionPerMinute;
        this.perAddressPerMinute = perAddressPerMinute;
        this.secureCookies = secureCookies;
    }

    record SendRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String clientMessageId,
            @NotBlank String text) {
    }

    /** What the page learns of its message: stored (under this id), or already stored before (a resend). */
    record Sent(long messageId, boolean duplicate) {
    }

    /**
     * Her session, for a page served without one (see {@link ChatPageController#chat}): this request comes from the
     * page itself, so it carries her cookie if she has one, and only a new session gets a new cookie. JSON only, as
     * the messages: another site cannot send it (a form cannot, and a script would need a CORS permission never
     * given), so no other site can make her browser start a new session over hers.
     */
    @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> start(HttpServletRequest request, HttpServletResponse response) {
        ChatSession.ensure(request, response, secureCookies);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sent> send(@Valid @RequestBody SendRequest body, HttpServletRequest request) {
        String session = session(request);
        if (body.text().length() > MAX_TEXT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.too-long", MAX_TEXT);
        }
        if (!readable(body.text())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.missing", "text"); // as a blank text is refused
        }
        Duration wait = waitBeforeSending(session, request.getRemoteAddr());
        if (!wait.isZero()) {
            throw new TooManyRequests(wait); // the page keeps her message and resends it after the wait
        }
        Acceptance accepted = intake.accept(InboundMessage.text(Channel.WEB, session + ":" + body.clientMessageId(), session, body.text()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Sent(accepted.messageId(), accepted.duplicate()));
    }

    /**
     * Her thread above {@code after} (the cursor of the page's last read, 0 at first), without the lines the page names
     * in {@code have}; the cursor for the next read in the {@value #CURSOR} header (see {@link ChatThreads}).
     */
    @GetMapping("/messages")
    ResponseEntity<List<ChatThreads.Line>> thread(@RequestParam(defaultValue = "0") long after,
                                                  @RequestParam(required = false) @Nullable List<Long> have, HttpServletRequest request) {
        Set<Long> shown = new HashSet<>();
        if (have != null) {
            have.stream().filter(Objects::nonNull).forEach(shown::add);
        }
        ChatThreads.Read read = threads.after(session(request), after, shown);
        return ResponseEntity.ok().header(CURSOR, Long.toString(read.cursor())).body(read.lines());
    }

    /**
     * Whether a text has something to read. A text only of spaces, zero-width and other format characters (U+200B,
     * U+200D, U+2060, U+FEFF...), controls (NUL), unpaired surrogates, variation selectors or the blank fillers that
     * look like nothing passes {@code @NotBlank}, and would be stored as an empty or meaningless message in a case.
     */
    static boolean readable(String text) {
        return text.codePoints().anyMatch(c -> !invisible(c));
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || Character.isWhitespace(c)
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F // variation selectors, grapheme joiner
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800; // Hangul fillers, blank Braille
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletRequest request) {
        return push.subscribe(session(request));
    }

    /**
     * The counters live in Redis. While Redis is away (restarting) they are not applied: intake needs only the
     * database, and her message matters more than flood protection for that minute (the intake queue is bounded
     * anyway, 503 beyond it). Health says DOWN meanwhile, and the Redis client logs the outage.
     */
    private Duration waitBeforeSending(String session, String address) {
        try {
            Duration wait = limiter.hit("chat:s:" + session, perSessionPerMinute, Duration.ofMinutes(1));
            return wait.isZero() ? limiter.hit("chat:a:" + address, perAddressPerMinute, Duration.ofMinutes(1)) : wait;
        } catch (DataAccessException redisAway) {
            log.debug("web chat limits not applied: {}", redisAway.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }

    private static String session(HttpServletRequest request) {
        return ChatSession.of(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized"));
    }
}
