package dev.reservewatch.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.decisions.DecisionLog;
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.RulesetService;

/** Judges a snapshot with the active ruleset, names the decision, and logs it. */
@ApplicationScoped
public class VerdictService {

    private final DecisionEngine engine;
    private final RulesetService rulesets;
    private final DecisionLog log;

    public VerdictService(DecisionEngine engine, RulesetService rulesets, DecisionLog log) {
        this.engine = engine;
        this.rulesets = rulesets;
        this.log = log;
    }

    public Verdict judge(MarketSnapshot snapshot) {
        Verdict verdict = engine.evaluate(rulesets.active(), snapshot).withDecisionId(UUID.randomUUID().toString());
        log.record(verdict, snapshot);
        return verdict;
    }
}
