package vn.kontum.hotline.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A 429 that says when to try again (Retry-After), so that a client resends then instead of giving up. */
public class TooManyRequests extends ApiException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "error.rate-limited");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up (Retry-After has no fractions), at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
