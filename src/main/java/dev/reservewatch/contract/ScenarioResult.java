package dev.reservewatch.contract;

import java.util.List;

/** How one scenario fared against a ruleset: passed, or each expectation that failed. */
public record ScenarioResult(String file, String name, boolean passed, List<String> failures,
        List<String> firedRules) {
}
