package dev.reservewatch.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;

/** Runs scenario files against a ruleset and says, for each, which expectations failed. */
public final class ScenarioRunner {

    private final DecisionEngine engine;
    private final SnapshotReader reader;

    public ScenarioRunner(DecisionEngine engine, SnapshotReader reader) {
        this.engine = engine;
        this.reader = reader;
    }

    /**
     * Runs every scenario file (name to JSON bytes), several at once; a file that does not parse is a failed
     * scenario. The results come in the map's order.
     */
    public List<ScenarioResult> runAll(Ruleset ruleset, Map<String, byte[]> scenarioFiles) {
        // Independent of one another, and cold at start-up: run on every core. On threads of their own, not
        // the common fork-join pool, whose threads may carry another context class loader (Drools finds its
        // services through it); a thread started here inherits the caller's.
        List<Map.Entry<String, byte[]>> files = List.copyOf(scenarioFiles.entrySet());
        ScenarioResult[] results = new ScenarioResult[files.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    results[i] = runFile(ruleset, files.get(i).getKey(), files.get(i).getValue());
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                next.set(files.size()); // the others stop at their next file
            }
        };
        int helpers = Math.min(Runtime.getRuntime().availableProcessors(), files.size()) - 1;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            Thread thread = new Thread(worker, "rules-check-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        worker.run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking scenarios", e);
            }
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        } else if (thrown instanceof Error e) {
            throw e;
        }
        return List.of(results);
    }

    private ScenarioResult runFile(Ruleset ruleset, String file, byte[] json) {
        Scenario scenario;
        try {
            scenario = Scenario.parse(file, json, reader);
        } catch (BadInputException e) {
            return new ScenarioResult(file, file, false, List.of("cannot be read: " + e.getMessage()), List.of());
        }
        return run(ruleset, scenario);
    }

    public ScenarioResult run(Ruleset ruleset, Scenario scenario) {
        Verdict verdict;
        try {
            verdict = engine.evaluate(ruleset, scenario.snapshot());
        } catch (RuleExecutionException e) {
            return new ScenarioResult(scenario.file(), scenario.name(), false,
                    List.of("evaluation failed: " + e.getMessage()), List.of());
        }
        List<String> failures = check(scenario.expect(), verdict);
        List<String> fired = verdict.firedRules().stream().map(Verdict.FiredRule::name).toList();
        return new ScenarioResult(scenario.file(), scenario.name(), failures.isEmpty(), failures, fired);
    }

    static List<String> check(Scenario.Expectation expect, Verdict verdict) {
        List<String> failures = new ArrayList<>();
        Set<String> actions = verdict.actions().stream().map(Verdict.Action::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> signals = verdict.signals().stream().map(Verdict.SignalReport::code)
                .collect(Collectors.toCollection(TreeSet::new));
        if (expect.regime() != null && expect.regime() != verdict.regime()) {
            failures.add("expected regime " + expect.regime() + " but got " + verdict.regime());
        }
        for (String code : expect.actions()) {
            if (!actions.contains(code)) {
                failures.add("expected action " + code + " but the actions were " + actions);
            }
        }
        for (String code : expect.absentActions()) {
            if (actions.contains(code)) {
                failures.add("expected no action " + code + " but it was recommended");
            }
        }
        for (String code : expect.signals()) {
            if (!signals.contains(code)) {
                failures.add("expected signal " + code + " but the signals were " + signals);
            }
        }
        for (String code : expect.absentSignals()) {
            if (signals.contains(code)) {
                failures.add("expected no signal " + code + " but it was raised");
            }
        }
        expect.text().forEach((language, phrases) -> {
            if (!List.of("en", "zh").contains(language)) {
                failures.add("expected text in '" + language + "', but verdicts are written in en and zh");
                return;
            }
            String text = verdict.in(Language.named(language)).explanation();
            for (String phrase : phrases == null ? List.<String>of() : phrases) {
                if (!text.contains(phrase)) {
                    failures.add("expected the " + language + " text to say \"" + phrase + "\" but it reads: " + text);
                }
            }
        });
        for (Scenario.WatchExpectation watch : expect.watch()) {
            List<Verdict.Watch> entries = verdict.watchlist().stream()
                    .filter(entry -> entry.signal().equals(watch.signal())
                            && (watch.metric() == null || entry.metric().equals(watch.metric())))
                    .toList();
            // one entry must meet every expectation: firing as expected, and then near its line
            List<Verdict.Watch> firingAsExpected = watch.firing() == null ? entries
                    : entries.stream().filter(entry -> entry.firing() == watch.firing()).toList();
            String what = watch.signal() + (watch.metric() == null ? "" : " on " + watch.metric());
            if (entries.isEmpty()) {
                failures.add("expected a watchlist entry for " + what + " but there was none");
            } else if (firingAsExpected.isEmpty()) {
                failures.add("expected the watchlist entry for " + what + (watch.firing() ? " firing" : " not firing")
                        + " but it was" + (watch.firing() ? " not" : ""));
            } else if (watch.withinPct() != null && firingAsExpected.stream().noneMatch(e -> e.distancePct() != null
                    && Math.abs(e.distancePct()) <= watch.withinPct())) {
                failures.add("expected the watchlist entry for " + what + " within " + watch.withinPct()
                        + "% of its line but it was " + firingAsExpected.get(0).distancePct() + "%");
            }
        }
        return failures;
    }
}
