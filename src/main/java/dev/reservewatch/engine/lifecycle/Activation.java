package dev.reservewatch.engine.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.ruleset.Ruleset;

/**
 * The ruleset serving now, with what was checked before it was let in: the scenario results, the rules
 * that fired in no scenario, the fingerprint of the folder it was read from, and its scenario files (name to
 * JSON), which a draft's impact runs again.
 */
public record Activation(Ruleset ruleset, List<ScenarioResult> scenarios, Set<String> rulesFiringInNoScenario,
        String sourceFingerprint, Map<String, byte[]> scenarioFiles) {
}
