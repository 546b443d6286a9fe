package dev.reservewatch.engine.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reservewatch.model.Recommendation;
import dev.reservewatch.model.Regime;
import dev.reservewatch.model.Signal;

/**
 * What one run of the rules produced, as it happened: how often each rule fired, in the order rules first fired,
 * and each result fact (signal, recommendation, regime call) with the rule that inserted it, in insertion order.
 * The evaluation fills it while the session runs; the verdict is assembled from it once the session is done.
 */
public final class Outcome {

    /**
     * A result fact, the rule that inserted it, and the values that rule's conditions bound which its Chinese text
     * reads ({@code {$name:unit}}; empty for most rules).
     */
    public record Produced<T>(T fact, String rule, Map<String, Object> bound) {
    }

    private final Map<String, Integer> firings = new LinkedHashMap<>();
    private final Map<String, Integer> updates = new LinkedHashMap<>(2);
    private final List<Produced<Signal>> signals = new ArrayList<>();
    private final List<Produced<Recommendation>> recommendations = new ArrayList<>();
    private final List<Produced<Regime>> regimes = new ArrayList<>(2);

    /** A rule fired once more. */
    public void fired(String rule) {
        firings.merge(rule, 1, Integer::sum);
    }

    /** A fact was inserted, by {@code rule} (null when the engine inserted it); facts other than results are ignored. */
    public void inserted(Object fact, String rule) {
        inserted(fact, rule, Map.of());
    }

    /** A fact was inserted by {@code rule}, whose conditions bound {@code bound} (the values its Chinese text reads). */
    public void inserted(Object fact, String rule, Map<String, Object> bound) {
        if (fact instanceof Signal signal) {
            signals.add(new Produced<>(signal, rule, bound));
        } else if (fact instanceof Recommendation recommendation) {
            recommendations.add(new Produced<>(recommendation, rule, bound));
        } else if (fact instanceof Regime regime) {
            regimes.add(new Produced<>(regime, rule, bound));
        }
    }

    /** A fact was retracted: a result retracted is no result. */
    public void deleted(Object fact) {
        signals.removeIf(p -> p.fact() == fact);
        recommendations.removeIf(p -> p.fact() == fact);
        regimes.removeIf(p -> p.fact() == fact);
    }

    /** The signals raised so far, in the order the rules raised them. */
    public List<Signal> signalFacts() {
        List<Signal> raised = new ArrayList<>(signals.size());
        signals.forEach(produced -> raised.add(produced.fact()));
        return raised;
    }

    /** A rule updated a fact ({@code update}, {@code modify}): each update sets the rules on that fact going again. */
    public void updated(String rule) {
        if (rule != null) {
            updates.merge(rule, 1, Integer::sum);
        }
    }

    /**
     * The suspect when a run keeps firing, or null when no rule fired: the rule that updated facts most often, since
     * an update re-activates every rule on the fact and they then fire as often as the rule that updated it; without
     * updates, the rule that fired most often.
     */
    public String mostFired() {
        Map<String, Integer> counts = updates.isEmpty() ? firings : updates;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    Map<String, Integer> firings() {
        return firings;
    }

    List<Produced<Signal>> signals() {
        return signals;
    }

    List<Produced<Recommendation>> recommendations() {
        return recommendations;
    }

    List<Produced<Regime>> regimes() {
        return regimes;
    }
}
