package dev.reservewatch.contract;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a series or a backtest: its decision id, the ruleset version that judged it, how many points,
 * the verdicts (full, or {@link CompactVerdict}s in the compact view), the changes of the action set, and, when
 * asked for ({@code snapshots=true}), the snapshots judged, in date order: for a backtest, the weekly points the
 * import built, so that a chart or an audit can show the figures beside the verdicts.
 */
public record SeriesAnswer(String decisionId, String rulesetVersion, int points, List<?> verdicts,
        List<ActionChange> changes,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With snapshots=true only: the points "
                + "judged, in date order", type = SchemaType.ARRAY, implementation = HistoryEntry.class)
        List<MarketSnapshot> snapshots) {
}
