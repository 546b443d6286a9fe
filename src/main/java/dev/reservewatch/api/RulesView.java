package dev.reservewatch.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.ReloadRejection;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.lifecycle.Activation;
import dev.reservewatch.engine.ruleset.RuleInfo;

/**
 * {@code GET /rules}: the active version and when it was loaded, each file with its rules, how every
 * scenario fared (and each rule, the scenarios it fires in), the rules that fire in no scenario, the last edit
 * that was refused and why, and whether the service may write its rules folder (the console's Save).
 */
@JsonPropertyOrder({ "version", "loadedAt", "files", "scenarios", "rulesFiringInNoScenario",
        "lastRejected", "writable" })
public record RulesView(String version, Instant loadedAt, List<FileView> files,
        List<ScenarioResult> scenarios, Set<String> rulesFiringInNoScenario, RejectionView lastRejected,
        boolean writable) {

    public record FileView(String name, List<RuleView> rules) {
    }

    /** A rule: its name, line, metadata ({@code @source}), and the names of the scenarios it fires in. */
    public record RuleView(String name, int line, Map<String, Object> metadata, List<String> firesIn) {
    }

    /** A refused edit: compile errors with file, line, column and message, or the scenarios that failed. */
    public record RejectionView(Instant at, String version, String reason, List<CompileProblem> errors,
            List<ScenarioResult> failedScenarios) {
    }

    public static RulesView of(Activation activation, ReloadRejection rejection, boolean writable) {
        RejectionView rejected = rejection == null ? null
                : new RejectionView(rejection.at(), rejection.version(), rejection.reason(), rejection.errors(),
                        rejection.failedScenarios());
        if (activation == null) {
            return new RulesView(null, null, List.of(), List.of(), Set.of(), rejected, writable);
        }
        Map<String, List<RuleView>> byFile = new LinkedHashMap<>();
        activation.ruleset().files().forEach(file -> byFile.put(file.name(), new ArrayList<>()));
        for (RuleInfo rule : activation.ruleset().rules().values()) {
            List<String> firesIn = activation.scenarios().stream()
                    .filter(scenario -> scenario.firedRules().contains(rule.name())).map(ScenarioResult::name).toList();
            byFile.computeIfAbsent(rule.file(), f -> new ArrayList<>())
                    .add(new RuleView(rule.name(), rule.line(), rule.metadata(), firesIn));
        }
        List<FileView> files = new ArrayList<>();
        byFile.forEach((name, rules) -> files.add(new FileView(name, rules)));
        return new RulesView(activation.ruleset().version(), activation.ruleset().loadedAt(), files,
                activation.scenarios(), activation.rulesFiringInNoScenario(), rejected, writable);
    }
}
