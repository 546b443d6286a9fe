package dev.reservewatch.engine;

import java.util.List;
import java.util.Set;

/**
 * The ruleset serving now, with what was checked before it was let in: the scenario results, the rules
 * that fired in no scenario, and the fingerprint of the folder it was read from.
 */
public record Activation(Ruleset ruleset, List<ScenarioResult> scenarios, Set<String> rulesFiringInNoScenario,
        String sourceFingerprint) {
}
