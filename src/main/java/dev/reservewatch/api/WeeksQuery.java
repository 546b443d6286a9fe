package dev.reservewatch.api;

import java.time.LocalDate;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.reservewatch.contract.SeriesView;

/**
 * The query of the answers that judge a kept weekly history, {@code GET /backtests/shipped} and
 * {@code GET /watch/history}: which weeks to report, and how. One class, so that the two take the same parameters,
 * read and described the same way.
 */
public class WeeksQuery {

    @Parameter(description = "First week reported (ISO date); by default the first week there is",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Last week reported (ISO date); by default the latest",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    @Parameter(description = SeriesResource.VIEW + " (default compact)",
            schema = @Schema(enumeration = { "full", "compact" }, defaultValue = "compact"))
    @QueryParam("view")
    String view;

    @Parameter(description = SeriesResource.SNAPSHOTS)
    @QueryParam("snapshots")
    @DefaultValue("false")
    boolean snapshots;

    /** The first week asked for, or null for the first there is; a 400 for a date that is not one. */
    LocalDate from() {
        return FredUpload.date("from", from);
    }

    /** The last week asked for, or null for the latest; a 400 for a date that is not one. */
    LocalDate to() {
        return FredUpload.date("to", to);
    }

    /** The view asked for, compact by default; a 400 for one that does not exist. */
    SeriesView view() {
        return SeriesView.named(view == null ? "compact" : view);
    }

    boolean snapshots() {
        return snapshots;
    }
}
