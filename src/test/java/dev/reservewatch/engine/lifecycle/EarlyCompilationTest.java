package dev.reservewatch.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.scenario.ScenarioRunner;

class EarlyCompilationTest {

    @TempDir
    Path dir;

    @Test
    void handsOverTheCompilationOfTheSameFilesOnce() throws Exception {
        RulesFolder.copyOfShipped(dir);
        EarlyCompilation early = new EarlyCompilation();
        early.start(dir);
        RuleSource source = RuleSource.read(dir);

        Compilation taken = early.take(source.ruleFiles()).orElseThrow().compilation();
        assertThat(taken.succeeded()).isTrue();
        assertThat(taken.ruleset().version()).isEqualTo(RulesetCompiler.versionOf(source.ruleFiles()));
        assertThat(early.take(source.ruleFiles())).as("a second activation compiles for itself").isEmpty();
    }

    @Test
    void loadsTheFilesTheBuildPrecompiledAndCompilesAnyOthers() throws Exception {
        RulesFolder.copyOfShipped(dir);
        EarlyCompilation shipped = new EarlyCompilation();
        shipped.start(dir);
        assertThat(shipped.take(RuleSource.read(dir).ruleFiles()).orElseThrow().how())
                .isEqualTo("loaded precompiled during boot");

        Files.writeString(dir.resolve("thresholds.drl"), RulesFolder.thresholdsWithScarcityLine(12.5));
        EarlyCompilation edited = new EarlyCompilation();
        edited.start(dir);
        EarlyCompilation.Result result = edited.take(RuleSource.read(dir).ruleFiles()).orElseThrow();
        assertThat(result.how()).isEqualTo("compiled during boot");
        assertThat(result.compilation().ruleset().version()).isNotEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void aPrecompiledRulesetThatFailsTheChecksGivesWayToACompile() throws Exception {
        RulesFolder.copyOfShipped(dir);
        List<RuleFile> shipped = RuleSource.read(dir).ruleFiles();
        // what a stale archive would be: named after the shipped files, compiled from other rules
        List<RuleFile> other = shipped.stream().map(file -> file.name().equals("thresholds.drl")
                ? new RuleFile(file.name(), RulesFolder.thresholdsWithScarcityLine(1.0)) : file).toList();
        RulesetCompiler compiler = new RulesetCompiler();
        Compilation stale = compiler.assemble(shipped, compiler.compile(other).ruleset().kieBase(), List.of());
        DecisionEngine engine = new DecisionEngine();
        ScenarioRunner runner = new ScenarioRunner(engine, ShippedRules.READER);
        assertThat(runner.runAll(stale.ruleset(), ShippedRules.source().scenarios()))
                .as("the stale archive fails a scenario").anyMatch(result -> !result.passed());
        EarlyCompilation early = new EarlyCompilation((files, ignored) -> java.util.Optional.of(stale));
        early.start(dir);
        Instant ownCompiler = Instant.parse("2000-01-01T00:00:00Z");
        ActiveRuleset service = new ActiveRuleset(RulesFolder.config(dir),
                new RulesetCompiler(Clock.fixed(ownCompiler, ZoneOffset.UTC)), runner, engine, early);

        assertThat(service.reload().status()).isEqualTo(ReloadStatus.ACTIVATED);
        Activation activation = service.activation().orElseThrow();
        assertThat(activation.ruleset().loadedAt()).as("compiled by the service").isEqualTo(ownCompiler);
        assertThat(activation.ruleset().version()).isEqualTo(stale.ruleset().version());
        assertThat(activation.scenarios()).allMatch(ScenarioResult::passed);
        assertThat(service.lastRejection()).isEmpty();
    }

    @Test
    void compilesWhenThePrecompiledRulesetCannotBeRead() throws Exception {
        RulesFolder.copyOfShipped(dir);
        EarlyCompilation early = new EarlyCompilation((files, compiler) -> {
            throw new java.io.IOException("written by Drools 9.0.0");
        });
        early.start(dir);

        EarlyCompilation.Result result = early.take(RuleSource.read(dir).ruleFiles()).orElseThrow();
        assertThat(result.compilation().succeeded()).isTrue();
        assertThat(result.how()).isEqualTo(
                "compiled during boot (the precompiled ruleset could not be used: written by Drools 9.0.0)");
    }

    @Test
    void isNotUsedForFilesThatChangedSinceItStarted() throws Exception {
        RulesFolder.copyOfShipped(dir);
        EarlyCompilation early = new EarlyCompilation();
        early.start(dir);
        // what the activation reads after an edit made while the early compilation ran
        List<RuleFile> edited = RuleSource.read(dir).ruleFiles().stream()
                .map(file -> file.name().equals("thresholds.drl")
                        ? new RuleFile(file.name(), RulesFolder.thresholdsWithScarcityLine(12.5)) : file)
                .toList();

        assertThat(early.take(edited)).isEmpty();
    }

    @Test
    void givesNothingWhenTheFolderCannotBeReadOrNothingWasStarted() throws Exception {
        EarlyCompilation missing = new EarlyCompilation();
        missing.start(dir.resolve("no-such-folder"));
        assertThat(missing.take(ShippedRules.source().ruleFiles())).isEmpty();

        assertThat(new EarlyCompilation().take(ShippedRules.source().ruleFiles())).isEmpty();
    }

    @Test
    void firstActivationUsesTheBootCompilationAndStillChecksIt() throws Exception {
        RulesFolder.copyOfShipped(dir);
        EarlyCompilation early = new EarlyCompilation();
        early.start(dir);
        // the service's own compiler stamps its rulesets with a date no early compilation can have
        Instant ownCompiler = Instant.parse("2000-01-01T00:00:00Z");
        DecisionEngine engine = new DecisionEngine();
        ActiveRuleset service = new ActiveRuleset(RulesFolder.config(dir),
                new RulesetCompiler(Clock.fixed(ownCompiler, ZoneOffset.UTC)),
                new ScenarioRunner(engine, ShippedRules.READER), engine, early);

        assertThat(service.reload().status()).isEqualTo(ReloadStatus.ACTIVATED);
        Activation first = service.activation().orElseThrow();
        assertThat(first.ruleset().loadedAt()).as("compiled at boot").isNotEqualTo(ownCompiler);
        assertThat(first.scenarios()).as("checked all the same").hasSize(ShippedRules.source().scenarios().size())
                .allMatch(ScenarioResult::passed);

        Files.writeString(dir.resolve("thresholds.drl"), RulesFolder.thresholdsWithScarcityLine(12.5));
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.ACTIVATED);
        assertThat(service.activation().orElseThrow().ruleset().loadedAt()).as("later edits: its own compiler")
                .isEqualTo(ownCompiler);
    }
}
