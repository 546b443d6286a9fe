package dev.reservewatch.contract;

import java.time.Instant;
import java.util.List;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.ScenarioResult;

/** A refused edit: compile errors with file, line, column and message, or the scenarios that failed. */
public record Rejected(Instant at, String version, String reason, List<CompileProblem> errors,
        List<ScenarioResult> failedScenarios) {
}
