package dev.reservewatch.contract;

/** A scenario's outcome under the draft: passed, or the first expectation that failed. */
public record ScenarioOutcome(String name, boolean passed, String message) {
}
