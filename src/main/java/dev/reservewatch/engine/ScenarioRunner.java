package dev.reservewatch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.reservewatch.api.SnapshotReader;
import dev.reservewatch.api.Verdict;
import dev.reservewatch.error.BadInputException;

/** Runs scenario files against a ruleset and says, for each, which expectations failed. */
public final class ScenarioRunner {

    private final DecisionEngine engine;
    private final SnapshotReader reader;

    public ScenarioRunner(DecisionEngine engine, SnapshotReader reader) {
        this.engine = engine;
        this.reader = reader;
    }

    /**
     * Runs every scenario file (name to JSON bytes), several at once; a file that does not parse is a failed
     * scenario. The results come in the map's order.
     */
    public List<ScenarioResult> runAll(Ruleset ruleset, Map<String, byte[]> scenarioFiles) {
        // independent of one another and cold at start-up: on every core, results in the files' order
        return scenarioFiles.entrySet().parallelStream()
                .map(entry -> runFile(ruleset, entry.getKey(), entry.getValue()))
                .toList();
    }

    private ScenarioResult runFile(Ruleset ruleset, String file, byte[] json) {
        Scenario scenario;
        try {
            scenario = Scenario.parse(file, json, reader);
        } catch (BadInputException e) {
            return new ScenarioResult(file, file, false, List.of("cannot be read: " + e.getMessage()), List.of());
        }
        return run(ruleset, scenario);
    }

    public ScenarioResult run(Ruleset ruleset, Scenario scenario) {
        Verdict verdict;
        try {
            verdict = engine.evaluate(ruleset, scenario.snapshot());
        } catch (RuleExecutionException e) {
            return new ScenarioResult(scenario.file(), scenario.name(), false,
                    List.of("evaluation failed: " + e.getMessage()), List.of());
        }
        List<String> failures = check(scenario.expect(), verdict);
        List<String> fired = verdict.firedRules().stream().map(Verdict.FiredRule::name).toList();
        return new ScenarioResult(scenario.file(), scenario.name(), failures.isEmpty(), failures, fired);
    }

    static List<String> check(Scenario.Expectation expect, Verdict verdict) {
        List<String> failures = new ArrayList<>();
        Set<String> actions = verdict.actions().stream().map(Verdict.Action::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> signals = verdict.signals().stream().map(Verdict.SignalReport::code)
                .collect(Collectors.toCollection(TreeSet::new));
        if (expect.regime() != null && expect.regime() != verdict.regime()) {
            failures.add("expected regime " + expect.regime() + " but got " + verdict.regime());
        }
        for (String code : expect.actions()) {
            if (!actions.contains(code)) {
                failures.add("expected action " + code + " but the actions were " + actions);
            }
        }
        for (String code : expect.absentActions()) {
            if (actions.contains(code)) {
                failures.add("expected no action " + code + " but it was recommended");
            }
        }
        for (String code : expect.signals()) {
            if (!signals.contains(code)) {
                failures.add("expected signal " + code + " but the signals were " + signals);
            }
        }
        for (String code : expect.absentSignals()) {
            if (signals.contains(code)) {
                failures.add("expected no signal " + code + " but it was raised");
            }
        }
        return failures;
    }
}
