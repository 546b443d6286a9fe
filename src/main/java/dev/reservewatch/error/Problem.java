package dev.reservewatch.error;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem document; {@code errors} names each bad field of a rejected request; {@code rule} and
 * {@code file} name a rule that failed, and {@code asOf} the series point it failed on.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "errors", "rule", "file", "asOf" })
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String rule,
        String file, LocalDate asOf) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem about no point of a series. */
    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String rule,
            String file) {
        this(type, title, status, detail, errors, rule, file, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), null, null);
    }

    /** A body above a size limit: an endpoint's own, or the hard cap over all of them. */
    public static Problem tooLarge(String detail) {
        return of(413, "The request is too large", detail);
    }
}
