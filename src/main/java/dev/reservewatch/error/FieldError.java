package dev.reservewatch.error;

/** One thing wrong with a request: the field (a path such as {@code history[2].asOf}) and what is wrong. */
public record FieldError(String field, String message) {
}
