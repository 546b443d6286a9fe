package dev.reservewatch.engine.draft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PointCodes;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.DrlGuard;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.ruleset.RuleInfo;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.scenario.ScenarioRunner;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.model.TrendWindows;

/**
 * A draft's judge: the process in which a draft's rules run, apart from the service, so that a rule that never
 * returns, eats the heap or ends the process harms nothing but its judge ({@link DraftJudge} starts it and ends it).
 * It reads {@link DraftJudge.Request}s from stdin and answers each on stdout: the draft compiled, its scenarios
 * run, its points judged. Everything else the process writes (a rule's {@code System.out} among it) goes to
 * stderr. Arguments: the rule firings allowed per evaluation and the trend windows' days, short and long.
 */
public final class JudgeMain {

    private static final RulesetCompiler COMPILER = new RulesetCompiler();

    private JudgeMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream answers = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        offerToTheOomKiller();
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.drools.compiler.kie.builder.impl").setLevel(Level.OFF);
        DecisionEngine engine = new DecisionEngine(Integer.parseInt(args[0]),
                new TrendWindows(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        SnapshotReader reader = SnapshotReader.standalone();
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        for (DraftJudge.Request request; (request = JudgeWire.read(requests, DraftJudge.Request.class,
                Integer.MAX_VALUE)) != null;) {
            JudgeWire.write(answers, judge(request, engine, reader));
        }
    }

    /** If the pod runs short of memory, the kernel ends this process first, not the service. */
    private static void offerToTheOomKiller() {
        try {
            Files.writeString(Path.of("/proc/self/oom_score_adj"), "1000");
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: nothing to offer
        }
    }

    static DraftJudge.Answer judge(DraftJudge.Request request, DecisionEngine engine, SnapshotReader reader) {
        long started = System.nanoTime();
        Compilation compilation = COMPILER.compile(request.files(),
                new DrlGuard.Bounds(new HashSet<>(request.drafted()), request.maxRules(), request.maxImports()));
        long compiled = System.nanoTime();
        if (!compilation.succeeded()) {
            return new DraftJudge.Answer(compilation.errors(), compilation.warnings(), List.of(), List.of(), null, -1,
                    millis(started, compiled), 0, 0);
        }
        Ruleset ruleset = compilation.ruleset();
        Map<String, byte[]> scenarioFiles = new LinkedHashMap<>();
        request.scenarios().forEach((name, text) -> scenarioFiles.put(name, text.getBytes(StandardCharsets.UTF_8)));
        List<ScenarioResult> scenarios;
        try {
            scenarios = new ScenarioRunner(engine, reader).runAll(ruleset, scenarioFiles);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return new DraftJudge.Answer(List.of(), compilation.warnings(), List.of(), List.of(),
                    new CompileProblem("", 0, 0, "while running the scenarios: " + what(e)), -1,
                    millis(started, compiled), millis(compiled, System.nanoTime()), 0);
        }
        long checked = System.nanoTime();
        List<PointCodes> codes = new ArrayList<>();
        CompileProblem failure = null;
        int failedAt = -1;
        if (request.points() != null) {
            SeriesJudge.Points points = new SeriesJudge(engine).points(points(request.points(), reader));
            for (int i = 0; i < points.size() && failure == null; i++) {
                try {
                    codes.add(points.judge(ruleset, i).codes());
                } catch (RuleExecutionException e) {
                    RuleInfo rule = e.rule() == null ? null : ruleset.rules().get(e.rule());
                    failure = new CompileProblem(Objects.requireNonNullElse(e.file(), ""), rule == null ? 0 : rule.line(),
                            0, "while judging " + points.get(i).asOf() + ": " + e.getMessage());
                    failedAt = i;
                } catch (Throwable e) {
                    rethrowIfFatal(e);
                    failure = new CompileProblem("", 0, 0, "while judging " + points.get(i).asOf() + ": " + what(e));
                    failedAt = i;
                }
            }
        }
        return new DraftJudge.Answer(List.of(), compilation.warnings(), scenarios, codes, failure, failedAt,
                millis(started, compiled), millis(compiled, checked), millis(checked, System.nanoTime()));
    }

    /** The judge's own failures end it (out of memory: with status 3); a rule's other throwables are its failure. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    private static List<MarketSnapshot> points(String json, SnapshotReader reader) {
        JsonNode array = reader.parse(json.getBytes(StandardCharsets.UTF_8));
        List<MarketSnapshot> points = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            points.add(reader.read(array.get(i), "[" + i + "]."));
        }
        return points;
    }

    private static String what(Throwable e) {
        return Excerpt.failure(e)
                + (e instanceof StackOverflowError ? " in a rule or function that calls itself without end?" : "");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
