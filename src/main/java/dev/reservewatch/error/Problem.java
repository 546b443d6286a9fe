package dev.reservewatch.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem document; {@code errors} names each bad field of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "errors", "rule", "file" })
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String rule,
        String file) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), null, null);
    }

    /** A body above a size limit: an endpoint's own, or the hard cap over all of them. */
    public static Problem tooLarge(String detail) {
        return of(413, "The request is too large", detail);
    }
}
