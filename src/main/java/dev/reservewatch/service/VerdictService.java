package dev.reservewatch.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;

/** Judges a snapshot with the active ruleset, names the decision, logs it and counts it. */
@ApplicationScoped
public class VerdictService {

    private final DecisionEngine engine;
    private final ActiveRuleset rulesets;
    private final DecisionLog log;
    private final VerdictMetrics metrics;

    public VerdictService(DecisionEngine engine, ActiveRuleset rulesets, DecisionLog log, VerdictMetrics metrics) {
        this.engine = engine;
        this.rulesets = rulesets;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * A random (version 4) UUID from the thread's own generator: decision ids must be unique, not
     * unguessable, and {@link UUID#randomUUID()} serialises every request on one SecureRandom.
     */
    public static String decisionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Judges a snapshot read from {@code body}, the JSON the decision log records as its input. */
    public Verdict judge(MarketSnapshot snapshot, byte[] body) {
        Verdict verdict = engine.evaluate(rulesets.active(), snapshot).withDecisionId(decisionId());
        log.record(verdict, snapshot, body);
        metrics.record(verdict, VerdictMetrics.Source.SNAPSHOT);
        return verdict;
    }
}
