package dev.reservewatch.error;

/** The service is doing as much of this as it allows at once; the client may try again shortly (429). */
public final class BusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public BusyException(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
