package dev.reservewatch.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.reservewatch.contract.HistoryEntry;

/**
 * The JSON bodies that the rules endpoints read by hand (so that every bound is checked before the work it
 * bounds), as the API description gives them. Documentation only: the resources never bind them.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    @Schema(name = "DraftFiles", description = "Rule files by name: each name letters, digits, '.', '_' or '-', "
            + "ending in .drl; each value the file's DRL text")
    public record DraftFiles(@Schema(required = true, description = "File name to DRL text") Map<String, String> files) {
    }

    @Schema(name = "ImpactRequest", description = "A draft (rule files laid over the active ones) and, optionally, "
            + "the points to judge it on, as snapshots (points) or as CSV (pointsCsv), not both; without either, the "
            + "weekly history that ships with the service")
    public record ImpactRequest(
            @Schema(required = true, description = "File name to DRL text") Map<String, String> files,
            @Schema(description = "Snapshots without history, in any order") List<HistoryEntry> points,
            @Schema(description = "The text of a CSV series, as POST /verdicts/series takes it") String pointsCsv) {
    }
}
