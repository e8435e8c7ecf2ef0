package vn.kontum.hotline.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of every chat, API and webhook request before anything else does: over the limit (64 KB for
 * the chat and the APIs, 256 KB for platform webhooks) is 413, bytes that are not valid UTF-8 are 400. The
 * exact bytes stay available to whoever checks a signature over them ({@link #rawBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyGuard extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RAW_BODY = RequestBodyGuard.class.getName() + ".raw";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final int chatLimit;
    private final int webhookLimit;

    RequestBodyGuard(MessageSource messages, LocaleResolver locales,
                     @Value("${hotline.limits.chat-body:65536}") int chatLimit,
                     @Value("${hotline.limits.webhook-body:262144}") int webhookLimit) {
        this.messages = messages;
        this.locales = locales;
        this.chatLimit = chatLimit;
        this.webhookLimit = webhookLimit;
    }

    /** The request body exactly as received. */
    public static byte[] rawBody(HttpServletRequest request) {
        Object raw = request.getAttribute(RAW_BODY);
        return raw instanceof byte[] bytes ? bytes : new byte[0];
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean guarded = uri.startsWith("/chat/api/") || uri.startsWith("/webhooks/") || uri.startsWith("/api/");
        return !guarded || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = request.getRequestURI().startsWith("/webhooks/") ? webhookLimit : chatLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, 413, "too-large");
            return;
        }
        byte[] body = readBody(request, limit);
        if (body.length > limit) {
            refuse(request, response, 413, "too-large");
            return;
        }
        if (!validUtf8(body)) {
            refuse(request, response, 400, "malformed");
            return;
        }
        request.setAttribute(RAW_BODY, body);
        chain.doFilter(new Buffered(request, body), response);
    }

    /**
     * With a declared length (under the limit, checked above) the container hands over exactly that many bytes, so
     * read that many: asking for up to the limit allocates a 16 KB buffer (the JDK's) for every small message.
     * Without one (chunked), read one byte past the limit to know it was passed.
     */
    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        return request.getInputStream().readNBytes(declared >= 0 ? (int) declared : limit + 1);
    }

    static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The same JSON as every other API error, its message from the bundles. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String error) throws IOException {
        String message = messages.getMessage("error." + error, null, locales.resolveLocale(request));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", status, "error", error, "message", message)));
    }

    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
