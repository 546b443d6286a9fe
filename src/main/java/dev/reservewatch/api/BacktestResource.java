package dev.reservewatch.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.vertx.core.http.HttpServerRequest;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.PolicyCalendar;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.service.BacktestService;

/** Backtests: the rules week by week over FRED downloads, or over the weekly history that ships with the service. */
@Tag(name = "Backtests", description = "The rules week by week over FRED downloads or the shipped history")
@Path("/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    static final String FRED_PATH = "/backtests/fred";

    private final BacktestService backtests;
    private final LimitsConfig limits;
    private final SeriesAnswerStream answers;

    public BacktestResource(BacktestService backtests, LimitsConfig limits, SeriesAnswerStream answers) {
        this.backtests = backtests;
        this.limits = limits;
        this.answers = answers;
    }

    @POST
    @Path("/fred")
    @Languages.Spoken
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "backtestFred", summary = "Backtest the rules on FRED downloads", description = "One "
            + "part per FRED CSV, named by its series code; optional parts: policy (a policy calendar, JSON; default "
            + "the shipped calendar), from, to (ISO dates), view (full or compact, default compact). Points are "
            + "Wednesdays; each figure is the one published by the point's day.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = ApiDescription.FRED_UPLOAD)))
    @APIResponse(responseCode = "200", description = SeriesResource.STREAMED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesAnswer.class)))
    @APIResponse(responseCode = "400", description = "Unknown, repeated or misplaced parts, bad rows (named by file, "
            + "line and column), a bad date or policy calendar")
    @APIResponse(responseCode = "413", description = "A part or the upload above limits.series-body, more weeks than "
            + "limits.series-points")
    @APIResponse(responseCode = "415", description = "Not multipart/form-data")
    @APIResponse(responseCode = "429", description = "More uploads at once than limits.concurrent-uploads")
    @APIResponse(responseCode = "500", description = SeriesResource.RULE_FAILED)
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public Response backtestFred(@Parameter(hidden = true) MultipartFormDataInput form,
            @Parameter(description = SeriesResource.SNAPSHOTS) @QueryParam("snapshots") @DefaultValue("false")
            boolean snapshots, @Context HttpServerRequest http) {
        FredUpload upload = FredUpload.read(form, limits.seriesBody().asLongValue());
        return answers.answer(backtests.fred(upload.downloads(), upload.policy(), upload.from(), upload.to(),
                SeriesView.named(upload.view()), snapshots), http);
    }

    @GET
    @Path("/shipped")
    @Languages.Spoken
    @Operation(operationId = "backtestShipped", summary = "Backtest the rules on the shipped weekly history",
            description = "The weekly history that ships with the service (built from FRED downloads, 2018 on), "
                    + "judged as POST /backtests/fred judges an upload.")
    @APIResponse(responseCode = "200", description = SeriesResource.STREAMED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesAnswer.class)))
    @APIResponse(responseCode = "400", description = "A bad date or view, from after to, or a span with no week of "
            + "the history")
    @APIResponse(responseCode = "500", description = SeriesResource.RULE_FAILED)
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public Response backtestShipped(@BeanParam WeeksQuery query, @Context HttpServerRequest http) {
        return answers.answer(backtests.shipped(query.from(), query.to(), query.view(), query.snapshots()), http);
    }

    @GET
    @Path("/policy-calendar")
    @Operation(operationId = "getPolicyCalendar", summary = "The shipped policy calendar", description = "The "
            + "balance-sheet decisions the backtests use unless an upload sends its own: each event's date, runoff "
            + "and caps, purchases and note.")
    @APIResponse(responseCode = "200", description = "{events: [{date, active, treasuryCapBn, mbsCapBn, "
            + "purchasesActive, note}]}")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public PolicyCalendar policyCalendar() {
        return new PolicyCalendar(backtests.shippedCalendar());
    }

}
