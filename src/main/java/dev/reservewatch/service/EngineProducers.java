package dev.reservewatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.config.TrendsConfig;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.draft.DraftCompiler;
import dev.reservewatch.engine.draft.DraftJudge;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.scenario.ScenarioRunner;
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
    DraftCompiler rulesetValidator(RulesetCompiler compiler, RulesConfig config) {
        RulesConfig.Drafts drafts = config.drafts();
        return new DraftCompiler(compiler, new DraftCompiler.Limits(drafts.maxFiles(),
                drafts.maxFileSize().asLongValue(), drafts.maxRules(), drafts.maxImports(), drafts.waitForTurn()));
    }

    @Produces
    @ApplicationScoped
    DraftJudge draftJudge(RulesConfig config, TrendsConfig trends) {
        return new DraftJudge(DraftJudge.settings(config.drafts().judgeHeap().asLongValue(), config.maxFirings(),
                new TrendWindows(trends.shortDays(), trends.longDays())));
    }

    /** The judge waiting for the next draft ends with the service. */
    void endDraftJudge(@Disposes DraftJudge judge) {
        judge.close();
    }

    @Produces
    @ApplicationScoped
    ScenarioRunner scenarioRunner(DecisionEngine engine, SnapshotReader reader) {
        return new ScenarioRunner(engine, reader);
    }
}
