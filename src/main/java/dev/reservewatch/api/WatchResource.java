package dev.reservewatch.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.error.RefusedException;
import dev.reservewatch.watch.WatchJudge;
import dev.reservewatch.watch.WatchService;
import dev.reservewatch.watch.WatchStatus;

/** The watch: what it fetched and how fresh it is, the latest week's verdict, the latest alerts; a fetch on demand. */
@Tag(name = "Watch", description = "The service's own FRED fetches, their freshness, and the alerts they raise")
@Languages.Spoken
@Path("/watch")
@Produces(MediaType.APPLICATION_JSON)
public class WatchResource {

    private final WatchService watch;
    private final WatchJudge judge;
    private final SeriesAnswerStream answers;

    public WatchResource(WatchService watch, WatchJudge judge, SeriesAnswerStream answers) {
        this.watch = watch;
        this.judge = judge;
        this.answers = answers;
    }

    @GET
    @Operation(operationId = "getWatch", summary = "The watch's state", description = "Whether it is on (a FRED key is "
            + "configured), OK, STALE or FAILING; when it last tried, last succeeded and tries next; each series' last "
            + "observation, fetch time, staleness and last error; the latest week's verdict; the latest alerts.")
    @APIResponse(responseCode = "200", description = "The watch; status OFF and nothing else without a FRED key")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public WatchStatus status() {
        return watch.status();
    }

    @POST
    @Path("/refresh")
    @RulesTokens.RulesAdmin
    @Operation(operationId = "refreshWatch", summary = "Fetch now", description = "Fetches every series now (or waits "
            + "for the fetch already running), judges the new data, and answers as GET /watch once done. Within FRED's "
            + "limits, as every fetch: a first fetch into an empty folder takes some seconds.")
    @APIResponse(responseCode = "200", description = "The watch after the fetch")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No RULES_ADMIN_TOKEN is configured, or the author's token")
    @APIResponse(responseCode = "409", description = "The watch is off: no FRED key is configured")
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    public WatchStatus refresh() throws InterruptedException {
        if (!watch.enabled()) {
            throw new RefusedException(409, "The watch is off", "No FRED key is configured (WATCH_FRED_API_KEY): "
                    + "nothing is fetched.", java.util.List.of());
        }
        return watch.refresh();
    }

    @GET
    @Path("/history")
    @Operation(operationId = "getWatchHistory", summary = "The fetched weeks, judged", description = "The weekly points "
            + "built from the data the watch fetched (as a FRED upload builds them: publication lags, no look-ahead), "
            + "judged as a series by the active rules: the same answer and parameters as GET /backtests/shipped.")
    @APIResponse(responseCode = "200", description = SeriesResource.STREAMED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesAnswer.class)))
    @APIResponse(responseCode = "400", description = "A bad date or view, from after to, or a span with no week")
    @APIResponse(responseCode = "409", description = "Nothing fetched and judged yet, or the watch is off")
    @APIResponse(responseCode = "500", description = SeriesResource.RULE_FAILED)
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public Response history(@BeanParam WeeksQuery query, @Context HttpServerRequest http) {
        return answers.answer(judge.history(query.from(), query.to(), query.view(), query.snapshots()), http);
    }
}
