package dev.reservewatch.api;


import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.contract.View;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.service.SeriesService;

/** {@code POST /verdicts/series}: a series of snapshots, as a JSON array or CSV. */
@Path("/verdicts/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private final SeriesService series;

    public SeriesResource(SeriesService series) {
        this.series = series;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge a series of snapshots (JSON array)", description = "Points are judged in date "
            + "order, each with the earlier points as its history; changes lists when the action set changed.")
    @APIResponse(responseCode = "200", description = "{verdicts, changes}")
    @APIResponse(responseCode = "400", description = "Bad points (named by index), duplicate dates")
    @APIResponse(responseCode = "413", description = "Above limits.series-body or limits.series-points")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public SeriesAnswer judgeJson(byte[] body, @QueryParam("view") @DefaultValue("full") String view,
            @QueryParam("snapshots") @DefaultValue("false") boolean snapshots) {
        series.checkBodySize(body);
        return series.judge(series.readJson(body), view(view), snapshots);
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Judge a series of snapshots (CSV)", description = "Header of snapshot field names, the "
            + "runoff as runoffActive, runoffTreasuryCapBn, runoffMbsCapBn; an empty cell is an absent figure.")
    @APIResponse(responseCode = "200", description = "{verdicts, changes}")
    @APIResponse(responseCode = "400", description = "Unknown columns, bad cells (named by line and column), duplicate dates")
    @APIResponse(responseCode = "413", description = "Above limits.series-body or limits.series-points")
    public SeriesAnswer judgeCsv(byte[] body, @QueryParam("view") @DefaultValue("full") String view,
            @QueryParam("snapshots") @DefaultValue("false") boolean snapshots) {
        series.checkBodySize(body);
        return series.judge(series.readCsv(body), view(view), snapshots);
    }

    static View view(String view) {
        try {
            return View.valueOf(view.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw BadInputException.of("view", "must be full or compact, not '" + view + "'");
        }
    }
}
