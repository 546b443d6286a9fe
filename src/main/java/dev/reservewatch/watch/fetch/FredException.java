package dev.reservewatch.watch.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * A request to FRED that did not give observations. Its message never holds the key: it is built from redacted
 * URLs and scrubbed of the key's text ({@link FredRequests#scrub}). {@link #retryable()} says whether trying again
 * may help.
 */
public final class FredException extends Exception {

    /** What went wrong. */
    public enum Kind {
        /** 429: FRED asks to slow down, perhaps with a Retry-After. */
        RATE_LIMITED(true),
        /** 5xx, or a status FRED does not document. */
        SERVER(true),
        /** No answer within the timeout. */
        TIMEOUT(true),
        /** No connection, or one that broke. */
        NETWORK(true),
        /** An answer that is not FRED's envelope, or whose values are not numbers. */
        MALFORMED(true),
        /** 400/404: FRED refuses the request itself (an unknown series). */
        REJECTED(false),
        /** 400 about the key: no request can succeed until the key is fixed. */
        KEY_REJECTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    public FredException(Kind kind, int status, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable;
    }
}
