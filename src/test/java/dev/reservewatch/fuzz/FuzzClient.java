package dev.reservewatch.fuzz;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.reservewatch.testing.FiniteAnswers;
import dev.reservewatch.testing.LogRecords;

/**
 * Sends a {@link FuzzCase} to the service under test and checks its answer against what every answer must be: a
 * 2xx, or a 4xx problem document ({@code application/problem+json}, its {@code status} the HTTP status, a title)
 * without a trace of a stack; every number of a 2xx finite; and no ERROR logged while it was answered.
 */
final class FuzzClient {

    /** The author's token of the test profile (application.properties, %test.rules.author-token). */
    static final String AUTHOR = "Bearer test-author-token";
    private static final List<String> STACK_TRACE_MARKERS = List.of("\tat ", "Exception:", ".java:", "at dev.",
            "at java.", "at org.");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** An answer: its status, type and body; {@code problem} says what is wrong with it, null when nothing is. */
    record Answer(int status, String contentType, String body, String problem) {

        /** What a shrunk input must keep to be the same failure: the status and the kind of problem. */
        String signature() {
            return status + " " + (problem == null ? "" : problem.replaceAll("[0-9.eE+-]{3,}", "#")
                    .replaceAll("\\$[^ ]*", "\\$").lines().findFirst().orElse(""));
        }
    }

    private FuzzClient() {
    }

    static Answer send(FuzzCase request) {
        try (LogRecords logs = LogRecords.catching()) {
            Response response = request(request).then().extract().response();
            String body = response.asString();
            Answer answer = new Answer(response.statusCode(), response.contentType(), body, null);
            String problem = check(answer);
            List<String> errors = logs.errors();
            if (problem == null && !errors.isEmpty()) {
                problem = "an ERROR was logged: " + errors.get(0);
            }
            return new Answer(answer.status(), answer.contentType(), body, problem);
        }
    }

    private static Response request(FuzzCase request) {
        RequestSpecification spec = given().config(RAW).urlEncodingEnabled(false);
        if (request.hasAuthor()) {
            spec = spec.header("Authorization", AUTHOR);
        }
        if (request.parts() != null) {
            for (Map.Entry<String, String> part : request.parts().entrySet()) {
                if (Set.of("from", "to", "view").contains(part.getKey())) {
                    spec = spec.multiPart(part.getKey(), part.getValue());
                } else {
                    spec = spec.multiPart(part.getKey(), part.getKey() + ".csv",
                            part.getValue().getBytes(StandardCharsets.UTF_8), "text/csv");
                }
            }
        } else {
            spec = spec.contentType(request.contentType()).body(request.body().getBytes(StandardCharsets.UTF_8));
        }
        return spec.when().post(request.endpoint());
    }

    /** What is wrong with an answer, or null. */
    static String check(Answer answer) {
        int status = answer.status();
        String type = answer.contentType() == null ? "" : answer.contentType();
        for (String marker : STACK_TRACE_MARKERS) {
            if (answer.body().contains(marker)) {
                return "the answer shows a stack trace (" + marker.strip() + ")";
            }
        }
        if (status >= 500) {
            return "answered " + status + ": " + first(answer.body());
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                return "a " + status + " answered as '" + type + "', not a problem document";
            }
            JsonNode problem;
            try {
                problem = RandomInputs.parse(answer.body());
            } catch (RuntimeException e) {
                return "a " + status + " whose body is not JSON: " + first(answer.body());
            }
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                return "a " + status + " problem document without its status or title: " + first(answer.body());
            }
            return null;
        }
        if (status < 200 || status >= 300) {
            return "answered " + status;
        }
        if (type.startsWith("application/json")) {
            JsonNode json;
            try {
                json = RandomInputs.parse(answer.body());
            } catch (RuntimeException e) {
                return "a " + status + " answered as JSON that does not parse: " + first(answer.body());
            }
            List<String> nonFinite = FiniteAnswers.nonFinite(json);
            if (!nonFinite.isEmpty()) {
                return "a number that is not finite: " + nonFinite.get(0);
            }
        }
        return null;
    }

    private static String first(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
