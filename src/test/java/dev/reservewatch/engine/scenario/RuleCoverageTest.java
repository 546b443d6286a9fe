package dev.reservewatch.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;

/**
 * Every shipped rule fires in at least one scenario, and every rule with a condition stays silent in
 * at least one other, so each side of each rule is pinned by an episode.
 */
class RuleCoverageTest {

    private static final Map<String, Integer> FIRED_IN = new HashMap<>();
    private static int scenarioCount;

    @BeforeAll
    static void runScenarios() {
        ScenarioRunner runner = new ScenarioRunner(new DecisionEngine(), ShippedRules.READER);
        List<ScenarioResult> results = runner.runAll(ShippedRules.ruleset(), ShippedRules.source().scenarios());
        scenarioCount = results.size();
        for (ScenarioResult result : results) {
            for (String rule : new TreeSet<>(result.firedRules())) {
                FIRED_IN.merge(rule, 1, Integer::sum);
            }
        }
    }

    @Test
    void everyRuleFiresInSomeScenario() {
        Set<String> neverFired = new TreeSet<>(ShippedRules.ruleset().rules().keySet());
        neverFired.removeAll(FIRED_IN.keySet());
        assertThat(neverFired).as("rules that fire in no scenario of rules/scenarios").isEmpty();
    }

    @Test
    void everyConditionalRuleStaysSilentInSomeScenario() {
        Set<String> alwaysFired = new TreeSet<>();
        FIRED_IN.forEach((rule, count) -> {
            if (count == scenarioCount && ShippedRules.ruleset().rules().get(rule).conditional()) {
                alwaysFired.add(rule);
            }
        });
        assertThat(alwaysFired).as("rules with conditions that fire in every scenario").isEmpty();
    }
}
