package dev.reservewatch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.model.Input;

/**
 * The heap a long series holds: the 5,000 points of {@code VerdictBenchmark.seriesPerPoint} judged by the shipped
 * rules, once keeping every verdict until the end (as a series answer was built before it streamed) and once
 * streamed (each verdict handed on and dropped). For each: the heap still reachable at the end of the judging,
 * above what was reachable before it, and the collections during it. Run with the benchmark's heap and collector:
 * {@code java -Xmx576m -XX:+UseSerialGC -XX:NewRatio=1 -cp target/classes:target/test-classes:<test classpath>
 * dev.reservewatch.bench.SeriesHeap}
 */
public final class SeriesHeap {

    private static final int POINTS = 5_000;
    private static final int ROUNDS = 5;

    private SeriesHeap() {
    }

    public static void main(String[] args) throws Exception {
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        Ruleset ruleset = new RulesetCompiler().compile(RuleSource.read(Path.of("rules")).ruleFiles()).ruleset();
        MarketSnapshot article = SnapshotReader.standalone()
                .read(Files.readAllBytes(Path.of("examples/2025-10-article.json")));
        List<MarketSnapshot> series = new ArrayList<>(POINTS);
        for (int i = 0; i < POINTS; i++) {
            MarketSnapshot.Builder point = MarketSnapshot.on(LocalDate.of(2012, 1, 2).plusDays(i))
                    .runoff(article.runoff());
            for (Input input : Input.values()) {
                point.with(input, article.value(input));
            }
            series.add(point.build());
        }
        SeriesJudge judge = new SeriesJudge(new DecisionEngine());
        for (int i = 0; i < 3; i++) { // warm-up: the engine's code compiled before anything is measured
            judge.judge(ruleset, series, null, verdict -> { });
        }
        for (int round = 1; round <= ROUNDS; round++) {
            long base = settledHeap();
            long[] gc = collections();
            long started = System.nanoTime();
            SeriesJudge.Result kept = judge.judge(ruleset, series, null);
            long keptMillis = (System.nanoTime() - started) / 1_000_000;
            long[] keptGc = since(gc);
            long keptHeap = settledHeap() - base;
            Reference.reachabilityFence(kept);
            kept = null;

            base = settledHeap();
            gc = collections();
            started = System.nanoTime();
            SeriesJudge.Summary streamed = judge.judge(ruleset, series, null, verdict -> { });
            long streamedMillis = (System.nanoTime() - started) / 1_000_000;
            long[] streamedGc = since(gc);
            long streamedHeap = settledHeap() - base;
            Reference.reachabilityFence(streamed);

            System.out.printf("round %d, %d points: kept: %.1f MB held at the end, %d collections (%d ms), %d ms; "
                    + "streamed: %.1f MB held at the end, %d collections (%d ms), %d ms%n", round, POINTS,
                    keptHeap / 1e6, keptGc[0], keptGc[1], keptMillis, streamedHeap / 1e6, streamedGc[0],
                    streamedGc[1], streamedMillis);
        }
    }

    /** The heap in use once collections no longer free anything. */
    private static long settledHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += bean.getCollectionCount();
            millis += bean.getCollectionTime();
        }
        return new long[] { count, millis };
    }

    private static long[] since(long[] before) {
        long[] now = collections();
        return new long[] { now[0] - before[0], now[1] - before[1] };
    }
}
