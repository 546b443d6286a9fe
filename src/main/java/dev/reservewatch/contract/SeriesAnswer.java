package dev.reservewatch.contract;

import java.util.List;

/**
 * The answer to a series or a backtest: its decision id, the ruleset version that judged it, how many points,
 * the verdicts (full, or {@link CompactVerdict}s in the compact view) and the changes of the action set.
 */
public record SeriesAnswer(String decisionId, String rulesetVersion, int points, List<?> verdicts,
        List<ActionChange> changes) {
}
