package dev.reservewatch.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.error.AdminAccessException;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.BusyException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.error.Problem;
import dev.reservewatch.error.RefusedException;
import dev.reservewatch.error.RulesUnavailableException;

/**
 * Every error answer is made here, as application/problem+json: bad input 400 naming each field, size
 * limits 413, rule failures 500 naming the rule, no ruleset 503. Nothing a client sends yields a stack
 * trace; unexpected faults are logged once here and answered with a plain 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        return answer(new Problem("/problems/bad-input", "The request is not a valid input", 400, e.getMessage(),
                e.errors(), null, null));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return answer(Problem.tooLarge(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response ruleFailed(RuleExecutionException e) {
        LOG.errorf(e.getCause(), "Evaluation failed%s: %s", e.asOf() == null ? "" : " on the point of " + e.asOf(),
                e.getMessage());
        return answer(ruleFailure(e));
    }

    /**
     * A rule's failure as a problem document: 500 naming the rule, its file and, in a series, the point's date. Also
     * the {@code error} member of a series answer cut off after it started ({@link SeriesAnswerStream}).
     */
    static Problem ruleFailure(RuleExecutionException e) {
        return new Problem("/problems/rule-failed", "A rule failed while judging the snapshot", 500, e.getMessage(),
                java.util.List.of(), e.rule(), e.file(), e.asOf());
    }

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return answer(new Problem("about:blank", e.title(), e.status(), e.getMessage(), e.errors(), null, null));
    }

    @ServerExceptionMapper
    public Response busy(BusyException e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(Problem.of(429, "Too many requests", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response noRules(RulesUnavailableException e) {
        return answer(Problem.of(503, "No ruleset is active", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response admin(AdminAccessException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.status(), e.status() == 401 ? "Unauthorized" : "Forbidden", e.getMessage()));
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"rules-admin\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return answer(new Problem("/problems/bad-input", "The request is not a valid input", 400,
                "malformed JSON: " + e.getOriginalMessage(), java.util.List.of(new FieldError("body",
                        "malformed JSON: " + e.getOriginalMessage())), null, null));
    }

    /**
     * A checked I/O failure reaching here comes from reading the request body (a multipart body that ends
     * early or has no boundary): the client's fault. The service's own I/O failures are unchecked
     * ({@link java.io.UncheckedIOException}) and stay 500.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        String detail = "The request body could not be read: " + (e.getMessage() == null ? "it is malformed"
                : e.getMessage().lines().findFirst().orElse("it is malformed"));
        return answer(new Problem("/problems/bad-input", "The request is not a valid input", 400, detail,
                java.util.List.of(new FieldError("body", detail)), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String description = "The API is described at /q/openapi on the management port (9000 by default).";
        String detail = switch (status) {
            case 404 -> "There is no such resource. " + description;
            case 405 -> "This resource does not accept that method. " + description;
            case 406 -> "This resource answers application/json (errors: application/problem+json).";
            case 415 -> "Send the body as " + accepted(uri.getPath()) + ".";
            default -> e.getMessage();
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return answer(Problem.of(status, title, detail));
    }

    /** What each endpoint reads, for a 415. */
    private static String accepted(String path) {
        String routed = BodyLimits.routed(path);
        if (routed.startsWith(RulesResource.FILES_PATH)) {
            return "text/plain (the file's DRL text)";
        }
        return switch (routed) {
            case "/verdicts/series" -> "application/json (an array of snapshots) or text/csv";
            case "/rules/validate" -> "text/plain (one file, named by ?file=) or application/json ({\"files\": {...}})";
            case "/backtests/fred" -> "multipart/form-data, one part per FRED series";
            default -> "application/json";
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return answer(Problem.of(500, "Internal error",
                "The service failed to answer this request; the failure is logged."));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
