package dev.reservewatch.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reservewatch.contract.FileView;
import dev.reservewatch.contract.Rejected;
import dev.reservewatch.contract.ReloadRejection;
import dev.reservewatch.contract.RuleView;
import dev.reservewatch.contract.RulesView;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.lifecycle.Activation;
import dev.reservewatch.engine.ruleset.RuleInfo;

/** {@code GET /rules}'s answer, from the active ruleset's activation and the last refused edit. */
final class RulesViews {

    private RulesViews() {
    }

    static RulesView of(Activation activation, ReloadRejection rejection, boolean writable) {
        Rejected rejected = rejection == null ? null
                : new Rejected(rejection.at(), rejection.version(), rejection.reason(), rejection.errors(),
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
                    .add(new RuleView(rule.name(), rule.line(), rule.metadata(), firesIn,
                            RuleView.chinese(rule.hasChinese(), rule.writesText())));
        }
        List<FileView> files = new ArrayList<>();
        byFile.forEach((name, rules) -> files.add(new FileView(name, rules)));
        return new RulesView(activation.ruleset().version(), activation.ruleset().loadedAt(), files,
                activation.scenarios(), activation.rulesFiringInNoScenario(), rejected, writable);
    }
}
