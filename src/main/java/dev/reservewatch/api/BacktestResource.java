package dev.reservewatch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.contract.View;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.service.FredImport;
import dev.reservewatch.service.FredSeries;
import dev.reservewatch.service.SeriesService;

/** {@code POST /backtests/fred}: the rules over FRED downloads, week by week. */
@Path("/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    static final String FRED_PATH = "/backtests/fred";
    private static final List<String> FORM_VALUES = List.of("from", "to", "view");

    private final SeriesService series;
    private final LimitsConfig limits;

    public BacktestResource(SeriesService series, LimitsConfig limits) {
        this.series = series;
        this.limits = limits;
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
    public SeriesAnswer backtestFred(MultipartFormDataInput form) {
        long limit = limits.seriesBody().asLongValue();
        List<FieldError> problems = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            if (part.getValue().size() > 1) {
                problems.add(new FieldError(name, "is sent " + part.getValue().size() + " times; send each part once"));
            }
            for (FormValue value : part.getValue()) {
                long size = sizeOf(value);
                if (size > limit) {
                    throw PayloadTooLargeException.bytes("part " + name, size, limit, "limits.series-body");
                }
                total += size;
            }
            if (FORM_VALUES.contains(name) && part.getValue().iterator().next().isFileItem()) {
                problems.add(new FieldError(name, "is a form value, not a file: send " + name + "=..."));
            } else if (!FORM_VALUES.contains(name) && !name.equals("policy") && FredSeries.byCode(name).isEmpty()) {
                problems.add(new FieldError(name, "is not a series the import knows; known: " + FredSeries.codes()
                        + ", plus the parts policy, from, to, view"));
            }
        }
        if (total > limit) {
            throw PayloadTooLargeException.bytes("upload", total, limit, "limits.series-body, over all its parts");
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " bad part(s), first: " + problems.get(0).field() + " "
                    + problems.get(0).message(), problems);
        }
        List<FredImport.Observations> observations = new ArrayList<>();
        byte[] policy = null;
        LocalDate from = null;
        LocalDate to = null;
        String view = "compact";
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            FormValue value = part.getValue().iterator().next();
            switch (name) {
                case "policy" -> policy = bytes(value);
                case "from" -> from = date(name, value.getValue());
                case "to" -> to = date(name, value.getValue());
                case "view" -> view = value.getValue();
                default -> observations.add(FredImport.parse(name, new String(bytes(value), StandardCharsets.UTF_8)));
            }
        }
        if (observations.isEmpty()) {
            throw BadInputException.of("body", "send at least one FRED CSV, as a part named by its series code");
        }
        View shape = SeriesResource.view(view);
        return series.judge(FredImport.weekly(observations, series.calendar(policy), from, to, limits.seriesPoints()),
                shape);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of(name, "must be an ISO date such as 2018-01-03");
        }
    }

    private static long sizeOf(FormValue value) {
        if (!value.isFileItem()) {
            return value.getValue() == null ? 0 : value.getValue().length();
        }
        try {
            return value.getFileItem().getFileSize();
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded part could not be measured", e);
        }
    }

    private static byte[] bytes(FormValue value) {
        try {
            return value.isFileItem() ? Files.readAllBytes(value.getFileItem().getFile())
                    : value.getValue().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded part could not be read back", e);
        }
    }
}
