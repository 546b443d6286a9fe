package dev.reservewatch.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.Impact;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PointCodes;
import dev.reservewatch.contract.PointDifference;
import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.ScenarioOutcome;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.contract.Timings;
import dev.reservewatch.contract.ValidationReport;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.draft.DraftCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.lifecycle.Activation;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleInfo;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.scenario.ScenarioRunner;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.RefusedException;

/**
 * What a rules author may do with a draft, apart from the rules that serve: check that it compiles
 * ({@link #validate}), and see what it would change ({@link #impact}): its scenarios, and every point of a series
 * (or of the shipped weekly history) judged by the active rules and by the draft. A draft is laid over the active
 * files; it is compiled apart, never activated, never written to the rules folder. Running it executes its
 * consequences, which is why only an author (a rules token) reaches this, and why all of it happens in the draft's
 * turn ({@link DraftCompiler}): one draft at a time, at most half of one core.
 */
@ApplicationScoped
public class DraftService {

    private final DraftCompiler validator;
    private final ActiveRuleset rulesets;
    private final ScenarioRunner scenarios;
    private final SeriesJudge judge;
    private final BacktestService backtests;
    private final Duration timeout;

    public DraftService(DraftCompiler validator, ActiveRuleset rulesets, ScenarioRunner scenarios,
            DecisionEngine engine, BacktestService backtests, RulesConfig config) {
        this.validator = validator;
        this.rulesets = rulesets;
        this.scenarios = scenarios;
        this.judge = new SeriesJudge(engine);
        this.backtests = backtests;
        this.timeout = config.drafts().impactTimeout();
    }

    /** Compiles a draft, laid over the active files unless {@code standalone}. Runs nothing of it. */
    public ValidationReport validate(Map<String, String> drafts, boolean standalone) {
        return validator.validate(drafts, standalone ? null : rulesets.current().orElse(null));
    }



    /**
     * The impact of a draft over {@code points} (any order; each judged with the points before it as its history),
     * or over the shipped weekly history when {@code points} is null. Judging stops, reported as an error, when the
     * draft has run for longer than {@code rules.drafts.impact-timeout}.
     */
    public Impact impact(Map<String, String> drafts, List<MarketSnapshot> points) {
        Ruleset active = rulesets.active();
        List<RuleFile> all = validator.laidOver(drafts, active);
        String draftVersion = RulesetCompiler.versionOf(all);
        SeriesJudge.Points series = judge.points(points != null ? points : backtests.shippedHistory());
        String source = points != null ? "the points sent" : "the shipped weekly history";
        Stopwatch clock = new Stopwatch();
        return validator.withDraft(all, drafts, compilation -> {
            clock.lap();
            if (!compilation.succeeded()) {
                return new Impact(false, false, compilation.errors(), active.version(), draftVersion, List.of(), 0, 0,
                        List.of(), source, clock.timings());
            }
            Ruleset draft = compilation.ruleset();
            List<ScenarioOutcome> outcomes = activeScenarios(draft).stream()
                    .map(result -> new ScenarioOutcome(result.name(), result.passed(),
                            result.passed() ? null : String.join("; ", result.failures())))
                    .toList();
            clock.lap();
            boolean passes = outcomes.stream().allMatch(ScenarioOutcome::passed);
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PointDifference> differences = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                MarketSnapshot point = series.get(i);
                PointCodes was = series.judge(active, i).codes();
                PointCodes would;
                try {
                    would = series.judge(draft, i).codes();
                } catch (RuleExecutionException e) {
                    return failed(active, draftVersion, outcomes, i, source, clock, ruleFailure(draft, e, point));
                }
                if (!was.equals(would)) {
                    differences.add(new PointDifference(point.asOf(), was, would));
                }
                if (System.nanoTime() - deadline > 0 && i + 1 < series.size()) {
                    return failed(active, draftVersion, outcomes, i + 1, source, clock, new CompileProblem("", 0, 0,
                            "judging stopped after " + (i + 1) + " of " + series.size() + " points: the draft ran "
                                    + "longer than rules.drafts.impact-timeout (" + timeout.toSeconds() + " s)"));
                }
            }
            clock.lap();
            return new Impact(true, passes, List.of(), active.version(), draftVersion, outcomes, series.size(),
                    differences.size(), differences, source, clock.timings());
        });
    }

    private static Impact failed(Ruleset active, String draftVersion, List<ScenarioOutcome> outcomes, int judged,
            String source, Stopwatch clock, CompileProblem error) {
        clock.lap();
        return new Impact(false, false, List.of(error), active.version(), draftVersion, outcomes, judged, 0, List.of(),
                source, clock.timings());
    }

    private static CompileProblem ruleFailure(Ruleset draft, RuleExecutionException e, MarketSnapshot point) {
        RuleInfo rule = e.rule() == null ? null : draft.rules().get(e.rule());
        return new CompileProblem(Objects.requireNonNullElse(e.file(), ""), rule == null ? 0 : rule.line(), 0,
                "while judging " + point.asOf() + ": " + e.getMessage());
    }

    /** Laps of one impact run: compiling, the scenarios, judging. */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private final List<Long> laps = new ArrayList<>(3);

        void lap() {
            laps.add(System.nanoTime());
        }

        Timings timings() {
            long compiled = laps.size() > 0 ? laps.get(0) : started;
            long checked = laps.size() > 1 ? laps.get(1) : compiled;
            long judged = laps.size() > 2 ? laps.get(2) : checked;
            return new Timings(millis(started, compiled), millis(compiled, checked), millis(checked, judged));
        }
    }

    /** The text of a file of the active ruleset, as it serves. */
    public String activeFile(String name) {
        return rulesets.active().files().stream().filter(file -> file.name().equals(name)).findFirst()
                .map(RuleFile::content)
                .orElseThrow(() -> new RefusedException(404, "No such rule file", "The active ruleset has no file '"
                        + Excerpt.of(name, 60) + "'; GET /rules lists its files.", List.of()));
    }

    /**
     * Whether the service may write its rules folder: a folder it can write, not laid out as a Kubernetes
     * ConfigMap volume (whose files are links through {@code ..data}, replaced whole by the platform).
     */
    public boolean folderWritable() {
        Path dir = rulesets.rulesDir();
        return Files.isDirectory(dir) && Files.isWritable(dir) && !Files.exists(dir.resolve("..data"),
                LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Writes one rule file into the rules folder and activates the folder, if the edit passes every check the
     * folder's own edits pass: first the draft's compile and the scenarios, in the drafts' turn, before anything is
     * written; then the reload's own checks. An edit refused by either leaves the folder as it was (422).
     */
    public ReloadOutcome save(String name, String text) {
        if (!RulesetCompiler.safeName(name)) {
            throw BadInputException.of("name", "a rule file name is letters, digits, '.', '_' or '-' and ends in .drl");
        }
        if (!folderWritable()) {
            throw new RefusedException(409, "The rules folder is read-only", "This service may not write its rules "
                    + "folder (read-only, or a Kubernetes ConfigMap volume). Download the file and ship it as the "
                    + "deployment ships rule edits (k8s/README.md, shipping a rule edit).", List.of());
        }
        Map<String, String> drafts = Map.of(name, text);
        // checked, written and activated in one turn of the drafts: two saves never interleave, and each is
        // checked against the folder it is written into
        return validator.withDraft(validator.laidOver(drafts, rulesets.active()), drafts, compilation -> {
            List<FieldError> problems = new ArrayList<>();
            compilation.errors().forEach(error -> problems.add(new FieldError(error.file() + ":" + error.line() + ":"
                    + error.column(), error.message())));
            if (problems.isEmpty()) {
                activeScenarios(compilation.ruleset()).stream().filter(result -> !result.passed())
                        .forEach(result -> problems.add(new FieldError("scenario " + result.file(),
                                result.name() + ": " + String.join("; ", result.failures()))));
            }
            if (!problems.isEmpty()) {
                throw refusedEdit(name, problems);
            }
            return writeAndReload(name, text);
        });
    }

    /** Writes the checked file and activates the folder; if the reload refuses it, puts the folder back. */
    private ReloadOutcome writeAndReload(String name, String text) {
        Path file = rulesets.rulesDir().resolve(name);
        byte[] before = read(file);
        write(file, text.getBytes(StandardCharsets.UTF_8));
        ReloadOutcome outcome = rulesets.reload();
        if (outcome.status() == ReloadStatus.REJECTED) {
            if (before == null) {
                delete(file);
            } else {
                write(file, before);
            }
            rulesets.reload();
            throw refusedEdit(name, List.of(new FieldError("reload", outcome.rejection().reason())));
        }
        return outcome;
    }

    /** The active ruleset's scenarios, run on a draft. */
    private List<ScenarioResult> activeScenarios(Ruleset draft) {
        return scenarios.runAll(draft, rulesets.activation().map(Activation::scenarioFiles).orElse(Map.of()));
    }

    private static RefusedException refusedEdit(String name, List<FieldError> problems) {
        return new RefusedException(422, "The edit would be refused", "Nothing was written: " + name
                + " as sent would not be taken by the rules' checks (" + problems.size() + " problem(s), first: "
                + problems.get(0).field() + " " + problems.get(0).message() + ").", problems);
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes through a temporary file in the same folder, moved over the file at once; none is left behind. */
    private static void write(Path file, byte[] content) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".saving");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
