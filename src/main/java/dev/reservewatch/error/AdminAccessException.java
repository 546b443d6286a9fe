package dev.reservewatch.error;

/** An admin endpoint was called without the right bearer token (401) or with none configured (403). */
public final class AdminAccessException extends RuntimeException {
    private final int status;

    public AdminAccessException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
