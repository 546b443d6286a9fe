package dev.reservewatch.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import dev.reservewatch.contract.HistoryEntry;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.service.SeriesService;

/** {@code POST /verdicts/series}: a series of snapshots, as a JSON array or CSV. */
@Tag(name = "Series", description = "A series of snapshots judged point by point")
@Languages.Spoken
@Path("/verdicts/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    static final String VIEW = "full: each verdict as POST /verdicts gives it; compact: date, regime, action and "
            + "signal codes";
    static final String SNAPSHOTS = "true: the answer carries the snapshots judged, in date order";

    static final String STREAMED = "{decisionId, rulesetVersion, points, verdicts, changes}, written as the points "
            + "are judged; header X-Decision-Id. A rule failing on a later point cuts the answer off after an error "
            + "member (docs/api.md)";
    static final String RULE_FAILED = "A rule failed on the first point; on a later one the answer, already started, "
            + "is cut off";

    private final SeriesService series;
    private final SeriesAnswerStream answers;

    public SeriesResource(SeriesService series, SeriesAnswerStream answers) {
        this.series = series;
        this.answers = answers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "judgeSeries", summary = "Judge a series of snapshots", description = "A JSON array of "
            + "snapshots without history, or CSV (a header of snapshot field names, the runoff as runoffActive, "
            + "runoffTreasuryCapBn, runoffMbsCapBn, runoffPurchasesActive; an empty cell is an absent figure). "
            + "Points are judged in date order, each with the earlier points as its history; changes lists when the "
            + "action set changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class)))
    @APIResponse(responseCode = "200", description = STREAMED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeriesAnswer.class)))
    @APIResponse(responseCode = "400", description = "Bad points (named by index), duplicate dates")
    @APIResponse(responseCode = "413", description = "Above limits.series-body or limits.series-points")
    @APIResponse(responseCode = "500", description = RULE_FAILED)
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public Response judgeJson(byte[] body, @Parameter(description = VIEW) @QueryParam("view")
            @DefaultValue("full") String view,
            @Parameter(description = SNAPSHOTS) @QueryParam("snapshots") @DefaultValue("false") boolean snapshots,
            @Context HttpServerRequest http) {
        series.checkBodySize(body);
        SeriesView shape = SeriesView.named(view); // checked before the points are read
        return answers.answer(series.start(series.readJson(body), null, shape, snapshots), http);
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Judge a series of snapshots") // merged into judgeSeries, the same path and method
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = STREAMED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeriesAnswer.class)))
    @APIResponse(responseCode = "400", description = "Unknown columns, bad cells (named by line and column), duplicate dates")
    @APIResponse(responseCode = "413", description = "Above limits.series-body or limits.series-points")
    @APIResponse(responseCode = "500", description = RULE_FAILED)
    public Response judgeCsv(byte[] body, @Parameter(description = VIEW) @QueryParam("view")
            @DefaultValue("full") String view,
            @Parameter(description = SNAPSHOTS) @QueryParam("snapshots") @DefaultValue("false") boolean snapshots,
            @Context HttpServerRequest http) {
        series.checkBodySize(body);
        SeriesView shape = SeriesView.named(view); // checked before the points are read
        return answers.answer(series.start(series.readCsv(body), null, shape, snapshots), http);
    }
}
