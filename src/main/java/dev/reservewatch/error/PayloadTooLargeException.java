package dev.reservewatch.error;

/** The body (or the number of points in it) is over its configured limit. */
public final class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
