package dev.reservewatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.config.TrendsConfig;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.RulesetCompiler;
import dev.reservewatch.engine.RulesetValidator;
import dev.reservewatch.engine.ScenarioRunner;
import dev.reservewatch.model.TrendWindows;

/** The engine's plain Java pieces, made CDI beans once, configured from {@link RulesConfig}. */
public class EngineProducers {

    @Produces
    @ApplicationScoped
    DecisionEngine decisionEngine(RulesConfig config, TrendsConfig trends) {
        return new DecisionEngine(config.maxFirings(), new TrendWindows(trends.shortDays(), trends.longDays()));
    }

    @Produces
    @ApplicationScoped
    SnapshotReader snapshotReader(ObjectMapper mapper, Validator validator) {
        return new SnapshotReader(mapper, validator);
    }

    @Produces
    @ApplicationScoped
    RulesetCompiler rulesetCompiler() {
        return new RulesetCompiler();
    }

    @Produces
    @ApplicationScoped
    RulesetValidator rulesetValidator(RulesetCompiler compiler, RulesConfig config) {
        RulesConfig.Drafts drafts = config.drafts();
        return new RulesetValidator(compiler, new RulesetValidator.Limits(drafts.maxFiles(),
                drafts.maxFileSize().asLongValue(), drafts.maxRules(), drafts.maxImports(), drafts.waitForTurn()));
    }

    @Produces
    @ApplicationScoped
    ScenarioRunner scenarioRunner(DecisionEngine engine, SnapshotReader reader) {
        return new ScenarioRunner(engine, reader);
    }
}
