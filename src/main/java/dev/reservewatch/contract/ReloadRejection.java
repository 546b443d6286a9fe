package dev.reservewatch.contract;

import java.time.Instant;
import java.util.List;

/**
 * Why a version of the rules was refused: compile errors (file, line, column, message), a sample
 * evaluation that failed, or scenarios whose expectations did not hold.
 */
public record ReloadRejection(Instant at, String version, String reason, List<CompileProblem> errors,
        List<ScenarioResult> failedScenarios) {
}
