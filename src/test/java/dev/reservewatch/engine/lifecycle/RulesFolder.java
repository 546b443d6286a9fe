package dev.reservewatch.engine.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.scenario.ScenarioRunner;

/** A rules folder for lifecycle tests: a copy of the shipped rules that a test may edit, and a service on it. */
public final class RulesFolder {

    public final Path dir;

    public RulesFolder(Path dir) {
        this.dir = dir;
    }

    /** Copies the shipped rules and scenarios into {@code dir}. */
    public static RulesFolder copyOfShipped(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        for (RuleFile file : ShippedRules.source().ruleFiles()) {
            Files.writeString(dir.resolve(file.name()), file.content());
        }
        for (var scenario : ShippedRules.source().scenarios().entrySet()) {
            Files.write(dir.resolve("scenarios").resolve(scenario.getKey()), scenario.getValue());
        }
        return new RulesFolder(dir);
    }

    public ActiveRuleset activeRuleset() {
        DecisionEngine engine = new DecisionEngine();
        return new ActiveRuleset(config(dir), new RulesetCompiler(), new ScenarioRunner(engine, ShippedRules.READER),
                engine);
    }

    public static RulesConfig config(Path dir) {
        return new RulesConfig() {
            @Override
            public String dir() {
                return dir.toString();
            }

            @Override
            public Optional<String> adminToken() {
                return Optional.empty();
            }

            @Override
            public Optional<String> authorToken() {
                return Optional.empty();
            }

            @Override
            public int maxFiles() {
                return RuleSource.Limits.DEFAULT.maxFiles();
            }

            @Override
            public io.quarkus.runtime.configuration.MemorySize maxFileSize() {
                return new io.quarkus.runtime.configuration.MemorySize(
                        java.math.BigInteger.valueOf(RuleSource.Limits.DEFAULT.maxFileBytes()));
            }

            @Override
            public Drafts drafts() {
                throw new UnsupportedOperationException("drafts are not read by the rules folder");
            }

            @Override
            public int maxFirings() {
                return DecisionEngine.DEFAULT_MAX_FIRINGS;
            }

            @Override
            public boolean watch() {
                return true;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration settle() {
                return Duration.ofMillis(150);
            }
        };
    }

    /** The shipped thresholds.drl with one threshold moved: a valid edit that changes the version. */
    public static String thresholdsWithScarcityLine(double line) {
        String shipped = ShippedRules.source().ruleFiles().stream().filter(f -> f.name().equals("thresholds.drl"))
                .findFirst().orElseThrow().content();
        return shipped.replace("excessReserveScarcityPct : double = 10.0", "excessReserveScarcityPct : double = " + line);
    }

    public static final String BROKEN_DRL = """
            package rules;
            import dev.reservewatch.model.*;

            rule "A rule with a typo"
            when
                Market( excessReservesPct < 10.0 )
            then
            end
            """;

    public void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
