package dev.reservewatch.api;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.error.Problem;

/**
 * Bounds a request before its body is read: a declared {@code Content-Length} above the endpoint's own limit
 * ({@code limits.*}) or above the hard cap over all of them ({@code quarkus.http.limits.max-body-size}) is
 * answered 413 problem+json at once, and FRED uploads, which are spooled to the temp folder while they arrive,
 * run at most {@code limits.concurrent-uploads} at a time (429 beyond), so that the folder holds at most that
 * many bodies. A body sent without a length is bounded by the hard cap as it arrives, and by the endpoint's
 * limit once read (the resources check it again).
 * <p>
 * Most HTTP clients send the whole body before they read the answer. A refused body of at most
 * {@link #DRAIN_BYTES} is therefore read and dropped after the answer has gone out, so that such a client gets
 * the problem document rather than a reset connection, and may go on using the connection; a larger one, or one
 * the client holds back until told to send it ({@code Expect: 100-continue}), is answered and the connection
 * closed at once.
 */
@ApplicationScoped
public class BodyLimits {

    /** Just before Quarkus' upload-limit route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    /** The largest refused body that is read and dropped rather than cut off by closing the connection. */
    static final long DRAIN_BYTES = 4L * 1024 * 1024;

    private final long cap;
    private final LimitsConfig limits;
    private final ObjectMapper json;
    private final AtomicInteger uploads = new AtomicInteger();

    public BodyLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize cap, LimitsConfig limits,
            ObjectMapper json) {
        this.cap = cap.asLongValue();
        this.limits = limits;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH));
        String path = routed(context.normalizedPath());
        String method = context.request().method().name();
        boolean post = method.equals(HttpMethod.POST.name());
        Limit limit = limitOf(method, path);
        if (declared > cap) {
            refuse(context, declared, 413, Problem.tooLarge(PayloadTooLargeException.bytes("body", declared, cap,
                    "quarkus.http.limits.max-body-size, over every endpoint").getMessage()));
            return;
        }
        if (limit != null && declared > limit.bytes()) {
            refuse(context, declared, 413, Problem.tooLarge(
                    PayloadTooLargeException.bytes("body", declared, limit.bytes(), limit.name()).getMessage()));
            return;
        }
        if (post && path.equals(BacktestResource.FRED_PATH)) {
            if (uploads.incrementAndGet() > limits.concurrentUploads()) {
                uploads.decrementAndGet();
                context.response().putHeader(HttpHeaderNames.RETRY_AFTER, "1");
                refuse(context, declared, 429, Problem.of(429, "Too many uploads at once", limits.concurrentUploads()
                        + " FRED uploads are being read already (limits.concurrent-uploads); try again in a moment."));
                return;
            }
            context.addEndHandler(ended -> uploads.decrementAndGet());
        }
        context.next();
    }

    private record Limit(long bytes, String name) {
    }

    /**
     * The path as the resources are matched on it: decoded and without dot segments (Vert.x' normalised path),
     * repeated slashes as one, no trailing slash; so that no spelling of an endpoint's path escapes its limit.
     */
    static String routed(String normalized) {
        String path = normalized.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Limit limitOf(String method, String path) {
        if (method.equals(HttpMethod.PUT.name()) && path.startsWith(RulesResource.FILES_PATH)) {
            return new Limit(limits.validateBody().asLongValue(), "limits.validate-body");
        }
        if (!method.equals(HttpMethod.POST.name())) {
            return null;
        }
        return switch (path) {
            case "/verdicts" -> new Limit(limits.verdictBody().asLongValue(), "limits.verdict-body");
            case "/verdicts/series", "/rules/impact", BacktestResource.FRED_PATH ->
                new Limit(limits.seriesBody().asLongValue(), "limits.series-body");
            case "/rules/validate" -> new Limit(limits.validateBody().asLongValue(), "limits.validate-body");
            default -> null;
        };
    }

    /**
     * Answers at once; then reads and drops a body of known length up to {@link #DRAIN_BYTES} that is on its way,
     * or closes the connection.
     */
    private void refuse(RoutingContext context, long declared, int status, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document always serialises", e);
        }
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // a client that asked to be told before sending its body (Expect: 100-continue) will not send it now
        boolean bodyComing = !"100-continue".equalsIgnoreCase(request.getHeader(HttpHeaderNames.EXPECT));
        if (bodyComing && declared >= 0 && declared <= DRAIN_BYTES) {
            // the rest of the body is read and dropped; once it has all come, the connection is ready for the next
            request.handler(dropped -> {
            });
            request.resume();
            response.end(body);
            return;
        }
        // a body of unknown or larger length is left unread, so the connection cannot carry another request
        response.putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> request.connection().close());
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
