package dev.reservewatch.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.engine.ruleset.Sha256;

/**
 * One request the fuzz run sends, as a regression file holds it ({@code src/test/resources/fuzz-regressions/}):
 * where it goes, its content type, its body (or, for a FRED upload, its parts: name to text), whether it carries
 * the test author's token, and, for a saved finding, how it was found and what it was answered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "endpoint", "contentType", "author", "body", "parts", "found", "was" })
public record FuzzCase(String endpoint, String contentType, Boolean author, String body, Map<String, String> parts,
        String found, String was) {

    static FuzzCase of(String endpoint, String contentType, String body) {
        return new FuzzCase(endpoint, contentType, null, body, null, null, null);
    }

    static FuzzCase upload(Map<String, String> parts) {
        return new FuzzCase("/backtests/fred", "multipart/form-data", null, null, new LinkedHashMap<>(parts), null, null);
    }

    FuzzCase withAuthor() {
        return new FuzzCase(endpoint, contentType, true, body, parts, found, was);
    }

    FuzzCase withBody(String text) {
        return new FuzzCase(endpoint, contentType, author, text, parts, found, was);
    }

    FuzzCase withParts(Map<String, String> changed) {
        return new FuzzCase(endpoint, contentType, author, body, changed, found, was);
    }

    FuzzCase found(String how, String answer) {
        return new FuzzCase(endpoint, contentType, author, body, parts, how, answer);
    }

    boolean hasAuthor() {
        return Boolean.TRUE.equals(author);
    }

    /** The file a finding is saved under: its endpoint and the first 8 hex digits of its content. */
    String fileName() {
        String content = (body == null ? "" : body) + (parts == null ? "" : parts.toString());
        return endpoint.substring(1).replace('/', '-') + "-" + Sha256.start().part(content).hex().substring(0, 8)
                + ".json";
    }

    int size() {
        return (body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length)
                + (parts == null ? 0 : parts.values().stream().mapToInt(String::length).sum());
    }
}
