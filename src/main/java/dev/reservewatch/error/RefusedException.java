package dev.reservewatch.error;

import java.util.List;

/**
 * A well-formed request that cannot be done as asked: what it names does not exist (404), the state of the
 * service does not allow it (409: a rules folder the service may not write), or it would be refused anyway
 * (422: an edit that the rules' own checks reject). Answered as a problem with this status, title and errors.
 */
public final class RefusedException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public RefusedException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
