package dev.reservewatch.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.series.FredImport;
import dev.reservewatch.series.FredSeries;
import dev.reservewatch.series.SeriesService;

/** {@code POST /backtests/fred}: the rules over FRED downloads, week by week. */
@Path("/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    private final SeriesService series;

    public BacktestResource(SeriesService series) {
        this.series = series;
    }

    @POST
    @Path("/fred")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Backtest the rules on FRED downloads", description = "One part per FRED CSV, named by "
            + "its series code (" + "RRPONTSYD, WRESBAL, WALCL, TREAST, WSHOMCB, EFFR, SOFR, IORB, IOER, DFEDTARL, "
            + "DFEDTARU); optional parts: policy (a runoff calendar, JSON; default the shipped 2017-2025 calendar), "
            + "from, to (ISO dates), view (full or compact, default compact). Points are Wednesdays.")
    @APIResponse(responseCode = "200", description = "{verdicts, changes} over the weekly points")
    @APIResponse(responseCode = "400", description = "Unknown series codes, bad rows (named by file, line and column)")
    @APIResponse(responseCode = "413", description = "More weekly points than limits.series-points")
    public SeriesService.Answer backtestFred(MultipartFormDataInput form) {
        List<FredImport.Observations> observations = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        byte[] policy = null;
        LocalDate from = null;
        LocalDate to = null;
        String view = "compact";
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            FormValue value = part.getValue().iterator().next();
            switch (name) {
                case "policy" -> policy = SeriesResource.bytes(value);
                case "from" -> from = SeriesResource.date(name, value);
                case "to" -> to = SeriesResource.date(name, value);
                case "view" -> view = value.getValue();
                default -> {
                    if (FredSeries.byCode(name).isEmpty()) {
                        unknown.add(new FieldError(name, "is not a series the import knows; known: " + FredSeries.codes()
                                + ", plus the parts policy, from, to, view"));
                    } else {
                        observations.add(FredImport.parse(name, new String(SeriesResource.bytes(value), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException("Unknown part(s): " + unknown.stream().map(FieldError::field).toList(), unknown);
        }
        if (observations.isEmpty()) {
            throw BadInputException.of("body", "send at least one FRED CSV, as a part named by its series code");
        }
        return series.judge(FredImport.weekly(observations, series.calendar(policy), from, to), SeriesResource.view(view));
    }

}
