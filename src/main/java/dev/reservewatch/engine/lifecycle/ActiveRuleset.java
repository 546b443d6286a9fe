package dev.reservewatch.engine.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.ReloadRejection;
import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.scenario.SampleSnapshot;
import dev.reservewatch.engine.scenario.ScenarioRunner;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.RulesUnavailableException;

/**
 * Holds the active ruleset and decides whether a new version of the rules folder may replace it: only
 * if it compiles, a sample snapshot evaluates, and every scenario passes. Otherwise the last good version
 * keeps serving and the rejection is kept for {@code GET /rules}. The swap is one atomic reference write:
 * a request reads the active ruleset once and runs wholly on that version.
 */
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    private final RulesConfig config;
    private final RulesetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final DecisionEngine engine;
    private final EarlyCompilation early;
    private final AtomicReference<Activation> active = new AtomicReference<>();
    private volatile ReloadRejection lastRejection;
    private volatile String lastAttemptedFingerprint;
    private final java.util.List<java.util.function.Consumer<Ruleset>> activationListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong activations = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();

    @Inject
    public ActiveRuleset(RulesConfig config, RulesetCompiler compiler, ScenarioRunner scenarios,
            DecisionEngine engine) {
        this(config, compiler, scenarios, engine, EarlyCompilation.AT_BOOT);
    }

    ActiveRuleset(RulesConfig config, RulesetCompiler compiler, ScenarioRunner scenarios, DecisionEngine engine,
            EarlyCompilation early) {
        this.early = early;
        this.config = config;
        this.compiler = compiler;
        this.scenarios = scenarios;
        this.engine = engine;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        reload();
    }

    /** The ruleset serving now; 503 (through {@link RulesUnavailableException}) when there is none. */
    public Ruleset active() {
        Activation activation = active.get();
        if (activation == null) {
            ReloadRejection why = lastRejection;
            throw new RulesUnavailableException("No ruleset is active yet"
                    + (why == null ? "." : ": the rules were refused (" + why.reason() + "); GET /rules says more."));
        }
        return activation.ruleset();
    }

    public Optional<Ruleset> current() {
        return Optional.ofNullable(active.get()).map(Activation::ruleset);
    }

    public Optional<Activation> activation() {
        return Optional.ofNullable(active.get());
    }

    public Optional<ReloadRejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    /** Fingerprint of the folder content last tried, accepted or not: the watcher skips what it has seen. */
    public String lastAttemptedFingerprint() {
        return lastAttemptedFingerprint;
    }

    /** Calls {@code listener} with each newly active ruleset, and at once with the one active now, if any. */
    public void onActivation(java.util.function.Consumer<Ruleset> listener) {
        activationListeners.add(listener);
        current().ifPresent(listener);
    }

    /** New versions activated since start (the first load included). */
    public long activations() {
        return activations.get();
    }

    /** Versions refused since start. */
    public long rejections() {
        return rejections.get();
    }

    public Path rulesDir() {
        return Path.of(config.dir()).toAbsolutePath().normalize();
    }

    /** The rules folder's content now, within the configured limits. */
    public RuleSource readFolder() throws IOException {
        return RuleSource.read(rulesDir(), new RuleSource.Limits(config.maxFiles(), config.maxFileSize().asLongValue()));
    }

    /** Reads the rules folder now and activates it if it passes every check. */
    public ReloadOutcome reload() {
        RuleSource source;
        try {
            source = readFolder();
        } catch (IOException e) {
            synchronized (this) {
                lastAttemptedFingerprint = RuleSource.unreadable(e);
                return reject(null, "the rules folder cannot be read: " + RuleSource.describe(e), List.of(), List.of());
            }
        }
        return reload(source);
    }

    /** Checks this content of the rules folder and activates it if it passes. */
    public synchronized ReloadOutcome reload(RuleSource source) {
        String fingerprint = source.fingerprint();
        lastAttemptedFingerprint = fingerprint;
        Activation serving = active.get();
        if (serving != null && serving.sourceFingerprint().equals(fingerprint)) {
            return new ReloadOutcome(ReloadStatus.UNCHANGED, serving.ruleset().version(), null);
        }
        long started = System.nanoTime();
        // the first activation may find the folder already compiled while Quarkus booted (same files only)
        Optional<EarlyCompilation.Result> atBoot = early.take(source.ruleFiles());
        String how = atBoot.map(boot -> boot.how() + ", waited").orElse("compiled in");
        Compilation compilation = atBoot.map(EarlyCompilation.Result::compilation)
                .orElseGet(() -> compiler.compile(source.ruleFiles()));
        long compiled = System.nanoTime();
        Check check = compilation.succeeded() ? check(compilation.ruleset(), source) : null;
        if (check != null && !check.passed() && atBoot.map(EarlyCompilation.Result::precompiled).orElse(false)) {
            // the build's archive of these very files does not behave as they do: the DRL decides, compile it
            LOG.warnf("The precompiled ruleset %s failed its checks (%s); compiling %s instead",
                    compilation.ruleset().version(), check.reason(), rulesDir());
            compilation = compiler.compile(source.ruleFiles());
            compiled = System.nanoTime();
            how = "compiled after the precompiled ruleset failed its checks, in";
            check = compilation.succeeded() ? check(compilation.ruleset(), source) : null;
        }
        if (!compilation.succeeded()) {
            return reject(RulesetCompiler.versionOf(source.ruleFiles()),
                    compilation.errors().size() + " compile error(s), first: " + compilation.errors().get(0),
                    compilation.errors(), List.of());
        }
        Ruleset candidate = compilation.ruleset();
        if (!check.passed()) {
            return reject(candidate.version(), check.reason(), List.of(), check.failed());
        }
        List<ScenarioResult> results = check.results();
        Set<String> uncovered = new TreeSet<>(candidate.rules().keySet());
        results.forEach(result -> result.firedRules().forEach(uncovered::remove));
        long checked = System.nanoTime();
        active.set(new Activation(candidate, results, uncovered, fingerprint, source.scenarios()));
        activations.incrementAndGet();
        activationListeners.forEach(listener -> listener.accept(candidate));
        LOG.infof("Ruleset %s active: %d rule file(s), %d rules, %d scenario(s) passed, from %s (%s %d ms,"
                + " checked in %d ms)", candidate.version(), candidate.files().size(), candidate.rules().size(),
                results.size(), rulesDir(), how, (compiled - started) / 1_000_000, (checked - compiled) / 1_000_000);
        return new ReloadOutcome(ReloadStatus.ACTIVATED, candidate.version(), null);
    }

    /** What checking a candidate found: passed when {@code reason} is null. */
    private record Check(List<ScenarioResult> results, String reason, List<ScenarioResult> failed) {
        boolean passed() {
            return reason == null;
        }
    }

    /** The sample snapshot must evaluate and every scenario pass. */
    private Check check(Ruleset candidate, RuleSource source) {
        try {
            engine.evaluate(candidate, SampleSnapshot.FULL);
        } catch (RuleExecutionException e) {
            return new Check(List.of(), "the sample evaluation failed: " + e.getMessage(), List.of());
        } catch (LinkageError e) {
            // generated code that does not fit the application's classes: refused, not a failed start-up
            return new Check(List.of(), "the sample evaluation failed: " + Excerpt.failure(e), List.of());
        }
        List<ScenarioResult> results;
        try {
            results = scenarios.runAll(candidate, source.scenarios());
        } catch (LinkageError e) {
            return new Check(List.of(), "the scenarios could not run: " + e, List.of());
        }
        List<ScenarioResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            return new Check(results, failed.size() + " of " + results.size() + " scenario(s) failed, first: "
                    + failed.get(0).name() + ": " + failed.get(0).failures().get(0), failed);
        }
        return new Check(results, null, List.of());
    }

    private ReloadOutcome reject(String version, String reason, List<CompileProblem> errors,
            List<ScenarioResult> failedScenarios) {
        ReloadRejection rejection = new ReloadRejection(Instant.now(), version, reason, errors, failedScenarios);
        lastRejection = rejection;
        rejections.incrementAndGet();
        Activation serving = active.get();
        LOG.warnf("Rules in %s rejected: %s. %s", rulesDir(), reason,
                serving == null ? "No ruleset is active." : "Still serving " + serving.ruleset().version() + ".");
        return new ReloadOutcome(ReloadStatus.REJECTED,
                serving == null ? null : serving.ruleset().version(), rejection);
    }
}
