package dev.reservewatch.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.service.SeriesRun;

/**
 * Writes a series answer as its points are judged: the members of {@link SeriesAnswer}, in its order, each verdict
 * written as soon as it is judged and then dropped, on the worker thread that judges (the response's output stream
 * holds it back while the client reads slowly). Everything that can refuse the request, the first point's rules
 * included, has run before the answer starts ({@code SeriesService.start}), and is answered with a problem document
 * as any refusal is.
 * <p>
 * A rule that fails on a later point finds the answer started: its status, 200, and the verdicts before that point
 * may be on their way. The answer then closes {@code verdicts}, adds an {@code error} member holding the problem
 * document (the rule, its file and the point's date) and is cut off there: the connection is closed without the
 * last chunk (HTTP/1.1), or the stream reset (HTTP/2). A client that reads the whole answer gets a failed transfer
 * and a JSON document that never ends, so it cannot take the answer for a whole one; a client reading as it comes
 * reads the error where the verdicts stop. The same holds whenever an answer fails after it started.
 */
@ApplicationScoped
public class SeriesAnswerStream {

    private static final Logger LOG = Logger.getLogger(SeriesAnswerStream.class);
    /** How long a cut-off answer waits for a slow client to take what was written before the connection closes. */
    private static final long CUT_OFF_WAIT_SECONDS = 10;

    private final ObjectMapper mapper;
    /** Each verdict goes into the output stream's buffer; the stream sends it on when the buffer is full. */
    private final ObjectWriter values;

    public SeriesAnswerStream(ObjectMapper mapper) {
        this.mapper = mapper;
        this.values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** The answer: 200, JSON, the decision id in {@code X-Decision-Id}; its body is written as the points are judged. */
    public Response answer(SeriesRun run, HttpServerRequest http) {
        // the verdicts are told in the language asked for as they are written ({@link Languages})
        Language language = Languages.negotiate(http.getParam(Languages.QUERY),
                http.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        StreamingOutput body = out -> write(run, out, http, language);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(VerdictResource.DECISION_ID_HEADER, run.decisionId()).build();
    }

    void write(SeriesRun run, OutputStream out, HttpServerRequest http, Language language) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("decisionId", run.decisionId());
        json.writeStringField("rulesetVersion", run.rulesetVersion());
        json.writeNumberField("points", run.points());
        json.writeArrayFieldStart("verdicts");
        SeriesJudge.Summary summary;
        try {
            summary = run.forEach(verdict -> values.writeValue(json,
                    verdict instanceof Verdict full ? full.in(language) : verdict));
        } catch (RuleExecutionException e) {
            LOG.errorf(e.getCause(), "Evaluation failed on the point of %s, after the series answer %s had started; "
                    + "the answer is cut off: %s", e.asOf(), run.decisionId(), e.getMessage());
            json.writeEndArray();
            json.writeFieldName("error");
            values.writeValue(json, ProblemMappers.ruleFailure(e));
            json.flush();
            cutOff(http);
            return;
        }
        json.writeEndArray();
        json.writeFieldName("changes");
        values.writeValue(json, summary.changes());
        if (run.snapshots() != null) {
            json.writeFieldName("snapshots");
            values.writeValue(json, run.snapshots());
        }
        json.writeEndObject();
        json.flush();
    }

    /**
     * Ends the answer without completing it: once what has been written is on its way (the error member with it),
     * the connection is closed before the last chunk (HTTP/1.1), or the stream reset (HTTP/2). Waits for that on
     * the worker thread that writes the answer, so that the normal end of the response, which follows, can no
     * longer send the last chunk that would make the answer look whole.
     */
    private static void cutOff(HttpServerRequest http) {
        CompletableFuture<Void> cut = new CompletableFuture<>();
        // an empty chunk writes nothing on the wire; it completes once everything written before it has been sent
        http.response().write(Buffer.buffer()).onComplete(sent -> {
            abort(http);
            cut.complete(null);
        });
        if (Context.isOnEventLoopThread()) {
            return; // never blocks an event loop; answers are written on worker threads
        }
        try {
            cut.get(CUT_OFF_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(http);
        } catch (ExecutionException | TimeoutException e) {
            abort(http); // a client that reads nothing more: closed without waiting for it
        }
    }

    private static void abort(HttpServerRequest http) {
        if (http.version() == HttpVersion.HTTP_2) {
            http.response().reset();
        } else {
            http.connection().close();
        }
    }
}
