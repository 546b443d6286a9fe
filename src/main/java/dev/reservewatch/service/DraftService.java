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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.Impact;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PointCodes;
import dev.reservewatch.contract.PointDifference;
import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.ScenarioOutcome;
import dev.reservewatch.contract.Timings;
import dev.reservewatch.contract.ValidationReport;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.draft.DraftCompiler;
import dev.reservewatch.engine.draft.DraftJudge;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.lifecycle.Activation;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.RefusedException;

/**
 * What a rules author may do with a draft, apart from the rules that serve: check that it compiles
 * ({@link #validate}), and see what it would change ({@link #impact}): its scenarios, and every point of a series
 * (or of the shipped weekly history) judged by the active rules and by the draft. A draft is laid over the active
 * files; it is compiled apart, never activated, never written to the rules folder. Running it executes its
 * consequences, which is why only an author (a rules token) reaches this, why it runs in a judge process of its own
 * ({@link DraftJudge}), ended when it runs too long or dies, and why all of it happens in the draft's turn
 * ({@link DraftCompiler}): one draft at a time, at most half of one core. Every refused draft is logged at INFO
 * (the author's mistake, not the service's), a stopped one at WARN.
 */
@ApplicationScoped
public class DraftService {

    private static final Logger LOG = Logger.getLogger(DraftService.class);

    private final DraftCompiler validator;
    private final DraftJudge draftJudge;
    private final ActiveRuleset rulesets;
    private final SeriesJudge judge;
    private final BacktestService backtests;
    private final Duration timeout;
    private final boolean warmJudgeAtStart;
    private final AtomicBoolean warmedHere = new AtomicBoolean();

    public DraftService(DraftCompiler validator, DraftJudge draftJudge, ActiveRuleset rulesets, DecisionEngine engine,
            BacktestService backtests, RulesConfig config) {
        this.validator = validator;
        this.draftJudge = draftJudge;
        this.rulesets = rulesets;
        this.judge = new SeriesJudge(engine);
        this.backtests = backtests;
        this.timeout = config.drafts().impactTimeout();
        this.warmJudgeAtStart = config.drafts().warmJudgeAtStart();
    }

    /**
     * Once the rules are active (at start, or when a folder refused at start is mended), the first draft's judge is
     * started and warmed in the background, at the judges' lower CPU priority: the first impact then costs what
     * the later ones do, and readiness does not wait for it.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) StartupEvent event) {
        if (warmJudgeAtStart) {
            rulesets.onActivation(ruleset -> {
                warmNextJudge();
                if (warmedHere.compareAndSet(false, true)) {
                    Thread warming = new Thread(this::warmImpactPath, "draft-warm-up");
                    warming.setDaemon(true);
                    warming.start();
                }
            });
        }
    }

    /**
     * Runs the service's own side of an impact once, in a draft's turn (so within the drafts' half of one core):
     * the shipped history read, written as a judge's request and judged by the active rules, so that the first
     * author's impact does not pay for the JIT of that path. A draft that comes meanwhile waits for the turn.
     */
    private void warmImpactPath() {
        try {
            long started = System.nanoTime();
            validator.inTurn(Map.of(), () -> {
                Ruleset active = rulesets.active();
                SeriesJudge.Points series = judge.points(backtests.shippedHistory());
                DraftJudge.pointsJson(sorted(series));
                for (int i = 0; i < series.size(); i++) {
                    series.judge(active, i).codes();
                }
                return null;
            });
            LOG.debugf("The impact path was warmed in %d ms", millis(started, System.nanoTime()));
        } catch (RuntimeException e) {
            LOG.debugf("The impact path was not warmed: %s", Excerpt.firstLine(String.valueOf(e.getMessage()), 200));
        }
    }

    private static List<MarketSnapshot> sorted(SeriesJudge.Points series) {
        List<MarketSnapshot> sorted = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            sorted.add(series.get(i));
        }
        return sorted;
    }

    /**
     * Compiles a draft, laid over the active files unless {@code standalone}, here in the service: compiling runs
     * nothing of it ({@code DrlGuard}). A refused draft is logged at INFO, as the author's mistake it is.
     */
    public ValidationReport validate(Map<String, String> drafts, boolean standalone) {
        ValidationReport report = validator.validate(drafts, standalone ? null : rulesets.current().orElse(null));
        if (!report.valid()) {
            logRefused("validate", drafts, report.errors());
        }
        return report;
    }



    /**
     * The impact of a draft over {@code points} (any order; each judged with the points before it as its history),
     * or over the shipped weekly history when {@code points} is null. The draft's rules run in its judge
     * ({@link DraftJudge}): compiled, its scenarios, every point; stopped, and reported so, past
     * {@code rules.drafts.impact-timeout}. The active rules judge the same points here.
     */
    public Impact impact(Map<String, String> drafts, List<MarketSnapshot> points) {
        Ruleset active = rulesets.active();
        List<RuleFile> all = validator.laidOver(drafts, active);
        String draftVersion = RulesetCompiler.versionOf(all);
        SeriesJudge.Points series = judge.points(points != null ? points : backtests.shippedHistory());
        String source = points != null ? "the points sent" : "the shipped weekly history";
        DraftJudge.Request request = request(all, drafts, DraftJudge.pointsJson(sorted(series)));
        try {
            return validator.inTurn(drafts, () -> {
                DraftJudge.Outcome outcome = draftJudge.judge(request, timeout);
                if (outcome.ending() != DraftJudge.Ending.ANSWERED) {
                    logStopped("impact", drafts, outcome);
                    return new Impact(false, false, List.of(stopped(outcome)), active.version(), draftVersion,
                            List.of(), 0, 0, List.of(), source, new Timings(0, 0, outcome.took().toMillis()));
                }
                DraftJudge.Answer answer = outcome.answer();
                if (!answer.errors().isEmpty()) {
                    logRefused("impact", drafts, answer.errors());
                    return new Impact(false, false, answer.errors(), active.version(), draftVersion, List.of(), 0, 0,
                            List.of(), source, new Timings(answer.compileMillis(), 0, 0));
                }
                List<ScenarioOutcome> outcomes = answer.scenarios().stream()
                        .map(result -> new ScenarioOutcome(result.name(), result.passed(),
                                result.passed() ? null : String.join("; ", result.failures())))
                        .toList();
                if (answer.failure() != null) {
                    logRefused("impact", drafts, List.of(answer.failure()));
                    return new Impact(false, false, List.of(answer.failure()), active.version(), draftVersion, outcomes,
                            Math.max(0, answer.failedAt()), 0, List.of(), source, new Timings(answer.compileMillis(),
                                    answer.scenariosMillis(), answer.judgingMillis()));
                }
                long judging = System.nanoTime();
                List<PointDifference> differences = new ArrayList<>();
                for (int i = 0; i < series.size(); i++) {
                    PointCodes was = series.judge(active, i).codes();
                    PointCodes would = answer.codes().get(i);
                    if (!was.equals(would)) {
                        differences.add(new PointDifference(series.get(i).asOf(), was, would));
                    }
                }
                boolean passes = outcomes.stream().allMatch(ScenarioOutcome::passed);
                LOG.debugf("Draft judged (impact, %s): %d points, %d changed, scenarios %s, %d ms in its judge",
                        names(drafts), series.size(), differences.size(), passes ? "passed" : "failed",
                        outcome.took().toMillis());
                return new Impact(true, passes, List.of(), active.version(), draftVersion, outcomes, series.size(),
                        differences.size(), differences, source, new Timings(answer.compileMillis(),
                                answer.scenariosMillis(), answer.judgingMillis() + millis(judging, System.nanoTime())));
            });
        } finally {
            warmNextJudge();
        }
    }

    /** A request to judge a draft laid over the active files, with the active scenarios and these points. */
    private DraftJudge.Request request(List<RuleFile> all, Map<String, String> drafts, String points) {
        return new DraftJudge.Request(all, List.copyOf(drafts.keySet()), validator.limits().maxRules(),
                validator.limits().maxImports(), activeScenarioTexts(), points);
    }

    private Map<String, String> activeScenarioTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        rulesets.activation().map(Activation::scenarioFiles).orElse(Map.of())
                .forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return texts;
    }

    /**
     * Has the next draft's judge started and warmed on the active rules, in the background, after a draft's turn
     * (a judge serves one draft).
     */
    private void warmNextJudge() {
        rulesets.current().ifPresent(active -> draftJudge.warm(new DraftJudge.Request(active.files(), List.of(),
                validator.limits().maxRules(), validator.limits().maxImports(), activeScenarioTexts(), null), timeout));
    }

    /** The error an impact or a save reports for a draft whose judge was stopped or ended. */
    private CompileProblem stopped(DraftJudge.Outcome outcome) {
        return new CompileProblem("", 0, 0, outcome.ending() == DraftJudge.Ending.STOPPED
                ? "the draft's rules ran longer than rules.drafts.impact-timeout (" + seconds(timeout) + ") and were "
                        + "stopped: look for a loop that never ends in a consequence or a function"
                : "the draft ended the process that judged it: " + outcome.what());
    }

    /** A draft the service refused: the author's mistake, said once at INFO with what was decided. */
    private static void logRefused(String what, Map<String, String> drafts, List<CompileProblem> errors) {
        CompileProblem first = errors.get(0);
        LOG.infof("Draft refused (%s, %s): %d error(s), first %s:%d:%d %s; nothing activated", what, names(drafts),
                errors.size(), first.file().isEmpty() ? "-" : first.file(), first.line(), first.column(),
                Excerpt.of(Excerpt.firstLine(first.message(), 200), 200));
    }

    /** A draft whose judge was stopped or ended: a warning, as it cost a judge; the service itself is unharmed. */
    private void logStopped(String what, Map<String, String> drafts, DraftJudge.Outcome outcome) {
        LOG.warnf("Draft %s (%s, %s): %s, after %d ms; its judge was ended, the drafts' turn is free, nothing "
                + "activated", outcome.ending() == DraftJudge.Ending.STOPPED ? "stopped" : "ended its judge", what,
                names(drafts), outcome.what(), outcome.took().toMillis());
    }

    private static String names(Map<String, String> drafts) {
        List<String> names = drafts.keySet().stream().map(name -> Excerpt.of(name, 60)).sorted().limit(4).toList();
        return drafts.size() + " file(s): " + String.join(", ", names) + (drafts.size() > 4 ? ", ..." : "");
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
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
        DraftJudge.Request request = request(validator.laidOver(drafts, rulesets.active()), drafts, null);
        // checked in a judge, then written and activated, in one turn of the drafts: two saves never interleave,
        // and each is checked against the folder it is written into
        try {
            return validator.inTurn(drafts, () -> {
                DraftJudge.Outcome outcome = draftJudge.judge(request, timeout);
                if (outcome.ending() != DraftJudge.Ending.ANSWERED) {
                    logStopped("save", drafts, outcome);
                    throw refusedEdit(name, List.of(new FieldError("rules", stopped(outcome).message())));
                }
                DraftJudge.Answer answer = outcome.answer();
                List<FieldError> problems = new ArrayList<>();
                answer.errors().forEach(error -> problems.add(new FieldError(error.file() + ":" + error.line() + ":"
                        + error.column(), error.message())));
                if (answer.failure() != null) {
                    problems.add(new FieldError("scenarios", answer.failure().message()));
                }
                answer.scenarios().stream().filter(result -> !result.passed())
                        .forEach(result -> problems.add(new FieldError("scenario " + result.file(),
                                result.name() + ": " + String.join("; ", result.failures()))));
                if (!problems.isEmpty()) {
                    LOG.infof("Rule file save refused (%s): %d problem(s), first %s %s; nothing written",
                            Excerpt.of(name, 60), problems.size(), problems.get(0).field(),
                            Excerpt.of(Excerpt.firstLine(problems.get(0).message(), 200), 200));
                    throw refusedEdit(name, problems);
                }
                return writeAndReload(name, text);
            });
        } finally {
            warmNextJudge();
        }
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
