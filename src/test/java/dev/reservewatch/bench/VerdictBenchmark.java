package dev.reservewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.reservewatch.api.MarketSnapshot;
import dev.reservewatch.api.SnapshotReader;
import dev.reservewatch.api.Verdict;
import dev.reservewatch.engine.Compilation;
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.RuleFile;
import dev.reservewatch.engine.RuleSource;
import dev.reservewatch.engine.Ruleset;
import dev.reservewatch.engine.RulesetCompiler;

/**
 * In-process evaluation of the 2025-10 article snapshot against the shipped rules, explanation and
 * all: the cost of one verdict without HTTP. Sample-time mode, so JMH reports the median (p0.50).
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args=VerdictBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class VerdictBenchmark {

    private DecisionEngine engine;
    private Ruleset ruleset;
    private Ruleset floorRuleset;
    private MarketSnapshot article;
    private byte[] articleJson;
    private SnapshotReader reader;

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
    }

    /** Rules, signals, actions and the explanation paragraph for the article's snapshot. */
    @Benchmark
    public Verdict verdict() {
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
