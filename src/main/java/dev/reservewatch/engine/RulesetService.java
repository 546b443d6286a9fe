package dev.reservewatch.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.error.RulesUnavailableException;

/**
 * Holds the active ruleset and decides whether a new version of the rules folder may replace it: only
 * if it compiles, a sample snapshot evaluates, and every scenario passes. Otherwise the last good version
 * keeps serving and the rejection is kept for {@code GET /rules}. Requests read the active ruleset once.
 */
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final RulesConfig config;
    private final RulesetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final DecisionEngine engine;
    private final AtomicReference<Ruleset> active = new AtomicReference<>();
    private volatile List<ScenarioResult> activeScenarioResults = List.of();
    private volatile Rejection lastRejection;

    public RulesetService(RulesConfig config, RulesetCompiler compiler, ScenarioRunner scenarios,
            DecisionEngine engine) {
        this.config = config;
        this.compiler = compiler;
        this.scenarios = scenarios;
        this.engine = engine;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** The ruleset serving now. */
    public Ruleset active() {
        Ruleset ruleset = active.get();
        if (ruleset == null) {
            Rejection why = lastRejection;
            throw new RulesUnavailableException("No ruleset is active yet"
                    + (why == null ? "." : ": the rules in " + rulesDir() + " were rejected (" + why.reason() + ")."));
        }
        return ruleset;
    }

    public Optional<Ruleset> current() {
        return Optional.ofNullable(active.get());
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    public List<ScenarioResult> activeScenarioResults() {
        return activeScenarioResults;
    }

    public Path rulesDir() {
        return Path.of(config.dir()).toAbsolutePath().normalize();
    }

    /** Reads the rules folder and activates it if it passes every check; returns the active ruleset. */
    public synchronized Optional<Ruleset> reload() {
        RuleSource source;
        try {
            source = RuleSource.read(rulesDir());
        } catch (IOException e) {
            return reject(null, "the rules folder cannot be read: " + e.getMessage(), List.of(), List.of());
        }
        Compilation compilation = compiler.compile(source.ruleFiles());
        if (!compilation.succeeded()) {
            return reject(RulesetCompiler.versionOf(source.ruleFiles()),
                    compilation.errors().size() + " compile error(s), first: " + compilation.errors().get(0),
                    compilation.errors(), List.of());
        }
        Ruleset candidate = compilation.ruleset();
        try {
            engine.evaluate(candidate, SampleSnapshot.FULL);
        } catch (RuleExecutionException e) {
            return reject(candidate.version(), "the sample evaluation failed: " + e.getMessage(), List.of(), List.of());
        }
        List<ScenarioResult> results = scenarios.runAll(candidate, source.scenarios());
        List<ScenarioResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            return reject(candidate.version(), failed.size() + " of " + results.size() + " scenario(s) failed, first: "
                    + failed.get(0).name() + ": " + failed.get(0).failures().get(0), List.of(), failed);
        }
        active.set(candidate);
        activeScenarioResults = results;
        LOG.infof("Ruleset %s active: %d rule file(s), %d rules, %d scenario(s) passed, from %s", candidate.version(),
                candidate.files().size(), candidate.rules().size(), results.size(), rulesDir());
        return Optional.of(candidate);
    }

    private Optional<Ruleset> reject(String version, String reason, List<CompileProblem> errors,
            List<ScenarioResult> failedScenarios) {
        lastRejection = new Rejection(Instant.now(), version, reason, errors, failedScenarios);
        Ruleset serving = active.get();
        LOG.warnf("Rules in %s rejected: %s. %s", rulesDir(), reason,
                serving == null ? "No ruleset is active." : "Still serving " + serving.version() + ".");
        return Optional.ofNullable(serving);
    }
}
