package dev.reservewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.model.Input;

/**
 * In-process evaluation of the 2025-10 article snapshot against the shipped rules, explanation and
 * all: the cost of one verdict without HTTP. Sample-time mode, so JMH reports the median (p0.50). The
 * forks run with the heap and collector of the pods (k8s/base/deployment.yaml: the serial collector with
 * a young generation of half the heap, 75% of 768Mi); {@code verdictWithG1} repeats {@code verdict} with the collector the JVM would otherwise
 * pick on two CPUs, for comparison in the same run.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args=VerdictBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx576m", "-XX:+UseSerialGC", "-XX:NewRatio=1",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class VerdictBenchmark {

    private DecisionEngine engine;
    private Ruleset ruleset;
    private Ruleset floorRuleset;
    private MarketSnapshot article;
    private byte[] articleJson;
    private SnapshotReader reader;
    private List<MarketSnapshot> series;
    private SeriesJudge seriesJudge;

    @Setup
    public void setUp() throws IOException {
        // As in the service: INFO and above. Outside Quarkus the log manager starts at ALL, and Drools'
        // trace calls would then format every message on the hot path.
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        Compilation compilation = new RulesetCompiler().compile(RuleSource.read(Path.of("rules")).ruleFiles());
        if (!compilation.succeeded()) {
            throw new IllegalStateException("shipped rules do not compile: " + compilation.errors());
        }
        ruleset = compilation.ruleset();
        floorRuleset = new RulesetCompiler().compile(List.of(new RuleFile("floor.drl",
                "package rules;\nimport dev.reservewatch.model.*;\nrule \"Any market\" when Market() then end\n")))
                .ruleset();
        engine = new DecisionEngine();
        reader = SnapshotReader.standalone();
        articleJson = Files.readAllBytes(Path.of("examples/2025-10-article.json"));
        article = reader.read(articleJson);
        seriesJudge = new SeriesJudge(engine);
        series = new ArrayList<>(SERIES_POINTS);
        LocalDate start = LocalDate.of(2012, 1, 2);
        for (int i = 0; i < SERIES_POINTS; i++) {
            // the article's figures on 5,000 consecutive days: the same rules fire as in verdict(), so the
            // difference is the series' own cost (history, trend windows, ordering, changes)
            MarketSnapshot.Builder point = MarketSnapshot.on(start.plusDays(i)).runoff(article.runoff());
            for (Input input : Input.values()) {
                point.with(input, article.value(input));
            }
            series.add(point.build());
        }
    }

    private static final int SERIES_POINTS = 5_000;

    /**
     * A 5,000-point series judged point by point, each with all earlier points as history; reported per
     * point, so it compares directly with {@code verdict} (target: at least 0.8 of its rate). Streamed, as the
     * service streams a series into its answer: each verdict is handed on as it is judged and kept by nobody.
     */
    @Benchmark
    @OperationsPerInvocation(SERIES_POINTS)
    public SeriesJudge.Summary seriesPerPoint(Blackhole sink) {
        return seriesJudge.judge(ruleset, series, null, sink::consume);
    }

    /** Rules, signals, actions and the explanation paragraph for the article's snapshot. */
    @Benchmark
    public Verdict verdict() {
        return engine.evaluate(ruleset, article);
    }

    /** {@code verdict}, then told in Chinese as {@code Accept-Language: zh} asks: what a Chinese reader adds. */
    @Benchmark
    public Verdict verdictInChinese() {
        return engine.evaluate(ruleset, article).in(Language.ZH);
    }

    /** {@code verdict} with G1, the JVM's own choice on two CPUs without the pods' flags. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = { "-Xmx576m", "-XX:+UseG1GC",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
    public Verdict verdictWithG1() {
        return engine.evaluate(ruleset, article);
    }

    /**
     * The floor, for scale in the same run: one rule that matches and does nothing, on a session from the
     * same pool, with the same verdict assembly. What the shipped rules add is {@code verdict} minus this.
     */
    @Benchmark
    public Verdict floor() {
        return engine.evaluate(floorRuleset, article);
    }

    /** The same, starting from the JSON bytes: strict parsing and validation included. */
    @Benchmark
    public Verdict verdictFromJson() {
        return engine.evaluate(ruleset, reader.read(articleJson));
    }
}
