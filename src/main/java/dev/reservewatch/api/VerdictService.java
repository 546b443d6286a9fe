package dev.reservewatch.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.decisions.DecisionLog;
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.RulesetService;
import dev.reservewatch.metrics.VerdictMetrics;

/** Judges a snapshot with the active ruleset, names the decision, logs it and counts it. */
@ApplicationScoped
public class VerdictService {

    private final DecisionEngine engine;
    private final RulesetService rulesets;
    private final DecisionLog log;
    private final VerdictMetrics metrics;

    public VerdictService(DecisionEngine engine, RulesetService rulesets, DecisionLog log, VerdictMetrics metrics) {
        this.engine = engine;
        this.rulesets = rulesets;
        this.log = log;
        this.metrics = metrics;
    }

    public Verdict judge(MarketSnapshot snapshot) {
        Verdict verdict = engine.evaluate(rulesets.active(), snapshot).withDecisionId(UUID.randomUUID().toString());
        log.record(verdict, snapshot);
        metrics.record(verdict, VerdictMetrics.Source.SNAPSHOT);
        return verdict;
    }
}
