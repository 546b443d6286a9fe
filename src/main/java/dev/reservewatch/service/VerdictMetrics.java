package dev.reservewatch.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;

/**
 * What an SRE watches at {@code /q/metrics}: verdicts by regime and actions by code
 * ({@code reservewatch_verdicts_total}, {@code reservewatch_actions_total}, tagged with the source: a
 * single snapshot or a point of a series), the evaluation time of each verdict as a histogram
 * ({@code reservewatch_evaluation_seconds}), rule reloads accepted and rejected
 * ({@code reservewatch_rule_reloads_total}), and the active ruleset as an info metric
 * ({@code reservewatch_ruleset_info{version="sha256:..."} 1}).
 */
@ApplicationScoped
public class VerdictMetrics {

    /** Where a verdict came from: {@code POST /verdicts}, or a point of a series or backtest. */
    public enum Source {
        SNAPSHOT, SERIES
    }

    private final MeterRegistry registry;
    private final ActiveRuleset rulesets;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer snapshotTimer;
    private final Timer seriesTimer;
    private MultiGauge rulesetInfo;

    public VerdictMetrics(MeterRegistry registry, ActiveRuleset rulesets) {
        this.registry = registry;
        this.rulesets = rulesets;
        this.snapshotTimer = timer(Source.SNAPSHOT);
        this.seriesTimer = timer(Source.SERIES);
    }

    void onStart(@Observes StartupEvent event) {
        registry.more().counter("reservewatch_rule_reloads_total", Tags.of("outcome", "accepted"), rulesets,
                ActiveRuleset::activations);
        registry.more().counter("reservewatch_rule_reloads_total", Tags.of("outcome", "rejected"), rulesets,
                ActiveRuleset::rejections);
        rulesetInfo = MultiGauge.builder("reservewatch_ruleset_info")
                .description("The active ruleset: its version as a label, value 1").register(registry);
        rulesets.onActivation(ruleset -> rulesetInfo.register(
                List.of(MultiGauge.Row.of(Tags.of("version", ruleset.version()), 1)), true));
    }

    public void record(Verdict verdict, Source source) {
        String sourceTag = source.name().toLowerCase();
        counter("reservewatch_verdicts_total", "regime", verdict.regime().name(), sourceTag).increment();
        for (Verdict.Action action : verdict.actions()) {
            counter("reservewatch_actions_total", "code", action.code(), sourceTag).increment();
        }
        (source == Source.SNAPSHOT ? snapshotTimer : seriesTimer).record(Duration.ofNanos(verdict.evaluationMicros() * 1_000));
    }

    private Counter counter(String name, String key, String value, String source) {
        return counters.computeIfAbsent(name + '|' + value + '|' + source, k -> Counter.builder(name)
                .tags(key, value, "source", source).register(registry));
    }

    private Timer timer(Source source) {
        return Timer.builder("reservewatch_evaluation")
                .description("Time to judge one snapshot with the rules, explanation included")
                .tags("source", source.name().toLowerCase())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
    }
}
