package dev.reservewatch.watch.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.config.Secret;
import dev.reservewatch.watch.fetch.FredException.Kind;
import dev.reservewatch.watch.store.SeriesStore;

/**
 * One page of {@code fred/series/observations}, through the shared {@link RateLimiter}, with a timeout on the
 * connection and on the answer. FRED's envelope is checked, and its values are read as it writes them: strings,
 * {@code "."} for none, number text with varying decimals. Errors become {@link FredException}s that name the
 * series and FRED's own message, never the key.
 */
public final class FredClient {

    /** Most bytes one answer may have: the longest daily series since 2000 is under 1 MiB. */
    static final int MAX_ANSWER_BYTES = 32 << 20;

    /** Closes answers that are still arriving at their deadline; one daemon thread for all clients. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "watch-fred-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final URI base;
    private final Secret key;
    private final HttpClient http;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();

    public FredClient(URI base, Secret key, HttpClient http, Duration timeout, RateLimiter limiter, Clock clock) {
        this.base = base;
        this.key = key;
        this.http = http;
        this.timeout = timeout;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** An HTTP client for FRED: HTTP/1.1 and 2, redirects not followed (a redirect would carry the key elsewhere). */
    public static HttpClient http(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One observation as FRED sent it: its date, and its number text or null for ".". */
    public record Observation(LocalDate date, String value) {
    }

    /** One page: FRED's {@code count} (all matching rows, not this page's), {@code offset}, and the rows. */
    public record Page(int count, int offset, List<Observation> observations) {
    }

    public Page observations(String series, LocalDate start, int offset, int limit)
            throws FredException, InterruptedException {
        URI uri = FredRequests.observations(base, series, key, start, offset, limit);
        RateLimiter.Permit permit = limiter.acquire();
        requests.incrementAndGet();
        try {
            return send(series, uri);
        } finally {
            permit.done();
        }
    }

    private Page send(String series, URI uri) throws FredException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "reserve-watch").GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        String body;
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            response = sent.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw timedOut(series);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(series);
            }
            throw fail(Kind.NETWORK, 0, series, "the connection failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
        // the body must arrive within the same timeout: a stream still open at the deadline is closed under the reader
        InputStream in = response.body();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
            late.set(true);
            closeQuietly(in);
        }, Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        try (in) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw fail(Kind.MALFORMED, response.statusCode(), series, "the answer is larger than "
                        + (MAX_ANSWER_BYTES >> 20) + " MiB");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (late.get()) {
                throw timedOut(series);
            }
            throw fail(Kind.NETWORK, 0, series, "the answer broke off: " + e.getClass().getSimpleName());
        } finally {
            guard.cancel(false);
        }
        int status = response.statusCode();
        if (status == 200) {
            return page(series, body);
        }
        Optional<Duration> retryAfter = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                clock.instant());
        if (status == 429) {
            retryAfter.ifPresent(limiter::pauseFor);
            throw fail(Kind.RATE_LIMITED, status, series, "FRED answered 429 (too many requests)"
                    + retryAfter.map(wait -> ", retry after " + wait.toSeconds() + " s").orElse(""), retryAfter);
        }
        String message = errorMessage(body);
        if (status == 400 || status == 404) {
            boolean aboutKey = message != null && message.contains("api_key");
            throw fail(aboutKey ? Kind.KEY_REJECTED : Kind.REJECTED, status, series,
                    "FRED answered " + status + (message == null ? "" : ": " + message));
        }
        throw fail(Kind.SERVER, status, series, "FRED answered " + status + (message == null ? "" : ": " + message),
                retryAfter);
    }

    /** Requests sent since this client was made. */
    public long requests() {
        return requests.get();
    }

    private Page page(String series, String body) throws FredException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw fail(Kind.MALFORMED, 200, series, "the answer is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("observations").isArray() || !root.path("count").canConvertToInt()) {
            throw fail(Kind.MALFORMED, 200, series, "the answer is not FRED's envelope (count, observations)");
        }
        List<Observation> observations = new ArrayList<>(root.path("observations").size());
        for (JsonNode row : root.path("observations")) {
            JsonNode date = row.path("date");
            JsonNode value = row.path("value");
            if (!date.isTextual() || !value.isTextual()) {
                throw fail(Kind.MALFORMED, 200, series, "an observation without a date or value string");
            }
            try {
                observations.add(new Observation(LocalDate.parse(date.asText()),
                        SeriesStore.valueText(value.asText()).orElse(null)));
            } catch (DateTimeParseException e) {
                throw fail(Kind.MALFORMED, 200, series, "an observation dated '" + clip(date.asText()) + "'");
            } catch (IllegalArgumentException e) {
                throw fail(Kind.MALFORMED, 200, series, "the value of " + date.asText() + " is " + e.getMessage());
            }
        }
        return new Page(root.path("count").asInt(), root.path("offset").asInt(0), observations);
    }

    /** FRED's {@code error_message}, or null when the body is not its error envelope. */
    private String errorMessage(String body) {
        try {
            JsonNode message = json.readTree(body).path("error_message");
            return message.isTextual() ? clip(message.asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private FredException timedOut(String series) {
        return fail(Kind.TIMEOUT, 0, series, "no answer within " + timeout.toMillis() + " ms");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only to stop a reader
        }
    }

    private FredException fail(Kind kind, int status, String series, String message) {
        return fail(kind, status, series, message, Optional.empty());
    }

    private FredException fail(Kind kind, int status, String series, String message, Optional<Duration> retryAfter) {
        return new FredException(kind, status, FredRequests.scrub(series + ": " + message, key), retryAfter);
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
