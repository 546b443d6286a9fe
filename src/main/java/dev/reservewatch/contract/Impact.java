package dev.reservewatch.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a draft would change: whether it compiles and runs (with the errors as validate gives them, and a failure
 * while judging as an error naming the rule), whether it would go live (it compiles, runs, and passes every
 * scenario), both versions, the scenarios under the draft, how many points were judged and how many it changes,
 * and for each changed point the codes under each version.
 */
@JsonPropertyOrder({ "valid", "wouldActivate", "errors", "activeVersion", "draftVersion", "scenarios", "points",
        "changed", "differences", "source", "timings" })
public record Impact(boolean valid, boolean wouldActivate, List<CompileProblem> errors, String activeVersion,
        String draftVersion, List<ScenarioOutcome> scenarios, int points, int changed,
        List<PointDifference> differences, String source, Timings timings) {
}
