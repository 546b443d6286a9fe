package dev.reservewatch.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.service.BacktestService;
import dev.reservewatch.service.RunoffCalendar;

/** Backtests: the rules week by week over FRED downloads, or over the weekly history that ships with the service. */
@Path("/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    static final String FRED_PATH = "/backtests/fred";

    private final BacktestService backtests;
    private final LimitsConfig limits;

    public BacktestResource(BacktestService backtests, LimitsConfig limits) {
        this.backtests = backtests;
        this.limits = limits;
    }

    @POST
    @Path("/fred")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Backtest the rules on FRED downloads", description = "One part per FRED CSV, named by "
            + "its series code; optional parts: policy (a runoff calendar, JSON; default the shipped calendar), "
            + "from, to (ISO dates), view (full or compact, default compact). Points are Wednesdays; each figure "
            + "is the one published by the point's day.")
    @APIResponse(responseCode = "200", description = "{verdicts, changes} over the weekly points")
    @APIResponse(responseCode = "400", description = "Unknown series codes, bad rows (named by file, line and column)")
    @APIResponse(responseCode = "413", description = "More weekly points than limits.series-points")
    public SeriesAnswer backtestFred(MultipartFormDataInput form,
            @QueryParam("snapshots") @DefaultValue("false") boolean snapshots) {
        FredUpload upload = FredUpload.read(form, limits.seriesBody().asLongValue());
        return backtests.fred(upload.downloads(), upload.policy(), upload.from(), upload.to(),
                SeriesResource.view(upload.view()), snapshots);
    }

    @GET
    @Path("/shipped")
    @Operation(summary = "Backtest the rules on the shipped weekly history", description = "The weekly history "
            + "that ships with the service (built from FRED downloads, 2018 on), judged as POST /backtests/fred "
            + "judges an upload: from, to (ISO dates) and view (full or compact, default compact).")
    @APIResponse(responseCode = "200", description = "{verdicts, changes} over the weekly points")
    @APIResponse(responseCode = "400", description = "A bad date or view, or a span with no week of the history")
    public SeriesAnswer backtestShipped(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("view") String view, @QueryParam("snapshots") @DefaultValue("false") boolean snapshots) {
        return backtests.shipped(FredUpload.date("from", from), FredUpload.date("to", to),
                SeriesResource.view(view == null ? "compact" : view), snapshots);
    }

    @GET
    @Path("/policy-calendar")
    @Operation(summary = "The shipped policy calendar", description = "The balance-sheet decisions the backtests "
            + "use unless an upload sends its own: each event's date, runoff and caps, purchases and note.")
    @APIResponse(responseCode = "200", description = "{events: [{date, active, treasuryCapBn, mbsCapBn, "
            + "purchasesActive, note}]}")
    public PolicyCalendar policyCalendar() {
        return new PolicyCalendar(backtests.shippedCalendar());
    }

    /** The shipped policy calendar, in the format an upload's {@code policy} part takes. */
    public record PolicyCalendar(List<RunoffCalendar.Event> events) {
    }
}
