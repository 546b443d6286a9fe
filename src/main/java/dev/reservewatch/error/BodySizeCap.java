package dev.reservewatch.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a declared body above {@code quarkus.http.limits.max-body-size}, the hard cap over every endpoint,
 * with a 413 problem document before the body is read. Quarkus' own check of that cap runs right after this
 * one and answers an empty 413; it still catches a chunked body (no Content-Length) once it passes the cap.
 */
@ApplicationScoped
public class BodySizeCap {

    /** Just before Quarkus' upload-limit route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    private final long cap;
    private final ObjectMapper json;

    public BodySizeCap(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize cap, ObjectMapper json) {
        this.cap = cap.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH));
        if (declared <= cap) {
            context.next();
            return;
        }
        Problem problem = Problem.tooLarge("The body is " + declared + " bytes; no endpoint accepts more than "
                + cap + " bytes (quarkus.http.limits.max-body-size).");
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document always serialises", e);
        }
        // the body is left unread, so the connection cannot carry another request: closed once answered
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> context.request().connection().close());
    }

    /** The Content-Length as sent, or -1 when absent or not a number (the HTTP decoder refuses those). */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
