package dev.reservewatch.contract;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /rules/impact}. The resource reads it by hand, so that every bound is checked before the
 * work it bounds; this record is what the API description gives.
 */
@Schema(name = "ImpactRequest", description = "A draft (rule files laid over the active ones) and, optionally, "
        + "the points to judge it on, as snapshots (points) or as CSV (pointsCsv), not both; without either, the "
        + "weekly history that ships with the service")
public record ImpactRequest(
        @Schema(required = true, description = "File name to DRL text") Map<String, String> files,
        @Schema(description = "Snapshots without history, in any order") List<HistoryEntry> points,
        @Schema(description = "The text of a CSV series, as POST /verdicts/series takes it") String pointsCsv) {
}
