package dev.reservewatch.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;

/**
 * The answer to a snapshot (docs/api.md, "A verdict"): the regime, the signals with their figures, the recommended
 * actions and why, which rules fired, which inputs were missing, and the ruleset that decided.
 * {@code decisionId} names this answer in the decision log (null when judged outside the service).
 */
@JsonPropertyOrder({ "asOf", "regime", "actions", "signals", "watchlist", "explanation", "firedRules",
        "missingInputs", "ruleset", "evaluationMicros", "decisionId" })
public record Verdict(
        LocalDate asOf,
        ReserveRegime regime,
        List<Action> actions,
        List<SignalReport> signals,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Watch> watchlist,
        String explanation,
        List<FiredRule> firedRules,
        List<String> missingInputs,
        RulesetRef ruleset,
        long evaluationMicros,
        String decisionId) {

    /** A recommended balance-sheet action; {@code because} lists the signal codes behind it. */
    @JsonPropertyOrder({ "code", "priority", "rationale", "because", "rule" })
    public record Action(String code, int priority, String rationale, List<String> because, String rule) {
    }

    /** A signal with the figure that raised it and the line it crossed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "code", "severity", "metric", "observed", "threshold", "unit", "message", "rule" })
    public record SignalReport(String code, Severity severity, String metric, Double observed, Double threshold,
            String unit, String message, String rule) {
    }

    public record FiredRule(String name, String file) {
    }

    /**
     * How near one trigger is: the signal its rule raises past the line, the figure it compares, the line, which
     * side fires, how far the figure is from the line ({@code distance}, in the figure's unit, negative once past
     * it; {@code distancePct} as a share of the line, null for a line at or within a millionth of zero), and, with history, its pace per
     * week over the long window and, when it moves toward the line, in how many weeks and around which date it
     * would cross at that pace. {@code projection} says why there is none otherwise.
     */
    @JsonPropertyOrder({ "signal", "metric", "observed", "threshold", "unit", "fires", "distance", "distancePct",
            "firing", "rule", "trendPerWeek", "weeksToCross", "crossesAround", "projection" })
    public record Watch(String signal, String metric, double observed, double threshold, String unit, String fires,
            double distance, Double distancePct, boolean firing, String rule, Double trendPerWeek,
            Double weeksToCross, LocalDate crossesAround, String projection) {
    }

    public record RulesetRef(String version, Instant loadedAt) {
    }

    /**
     * The verdict in codes: its regime, its action codes in order of priority, and its signal codes, each once, the
     * most severe first. Compact views, impact differences and the decision log all read a verdict's codes here.
     */
    public PointCodes codes() {
        List<String> actionCodes = new ArrayList<>(actions.size());
        actions.forEach(action -> actionCodes.add(action.code()));
        List<String> signalCodes = new ArrayList<>(signals.size());
        for (SignalReport signal : signals) {
            if (!signalCodes.contains(signal.code())) {
                signalCodes.add(signal.code());
            }
        }
        return new PointCodes(regime, List.copyOf(actionCodes), List.copyOf(signalCodes));
    }

    /** This verdict under the id it is served and logged with. */
    public Verdict withDecisionId(String id) {
        return new Verdict(asOf, regime, actions, signals, watchlist, explanation, firedRules, missingInputs, ruleset,
                evaluationMicros, id);
    }

    /** This verdict in the compact view: without its watchlist. */
    public Verdict withoutWatchlist() {
        return new Verdict(asOf, regime, actions, signals, null, explanation, firedRules, missingInputs, ruleset,
                evaluationMicros, decisionId);
    }
}
