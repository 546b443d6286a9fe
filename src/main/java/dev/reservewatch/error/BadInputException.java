package dev.reservewatch.error;

import java.util.List;

/** The request body was read but is not acceptable; every problem found is listed, not just the first. */
public final class BadInputException extends RuntimeException {
    private final List<FieldError> errors;

    public BadInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static BadInputException of(String field, String message) {
        return new BadInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
