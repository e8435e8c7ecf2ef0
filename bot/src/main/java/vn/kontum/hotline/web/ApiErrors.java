package vn.kontum.hotline.web;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Clear JSON errors for every API and webhook: {@code {"status":400,"error":"malformed","message":"..."}}.
 * Never echoes what was sent: the body may hold a woman's words.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e, Locale locale) {
        return body(e.status(), e.messageKey(), locale, e.args());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Map<String, Object>> tooMany(TooManyRequests e, Locale locale) {
        ResponseEntity<Map<String, Object>> refused = refused(e, locale);
        return ResponseEntity.status(refused.getStatusCode()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(refused.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        return body(HttpStatus.BAD_REQUEST, "error.malformed", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.malformed", locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, Locale locale) {
        String field = e.getBindingResult().getFieldErrors().isEmpty() ? "?" : e.getBindingResult().getFieldErrors().getFirst().getField();
        return body(HttpStatus.BAD_REQUEST, "error.missing", locale, field);
    }

    /** The database or Redis cannot be reached (a transaction that cannot even begin, too): the caller tries again later. */
    @ExceptionHandler({DataAccessException.class, RedisConnectionFailureException.class, TransactionException.class})
    ResponseEntity<Map<String, Object>> unavailable(RuntimeException e, Locale locale) {
        log.warn("request refused with 503: {}", e.getClass().getSimpleName());
        return body(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", locale);
    }

    private ResponseEntity<Map<String, Object>> body(HttpStatus status, String key, Locale locale, Object... args) {
        String error = key.startsWith("error.") ? key.substring(6) : key;
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", error,
                "message", messages.getMessage(key, args, locale)));
    }
}
