package dev.reservewatch.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.lifecycle.RulesFolder;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.scenario.SampleSnapshot;
import dev.reservewatch.engine.scenario.ScenarioRunner;

class PrecompiledRulesetTest {

    @TempDir
    Path dir;

    private final RulesetCompiler compiler = new RulesetCompiler();

    private static byte[] archiveOfShipped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrecompiledRuleset.write(new Compilation(ShippedRules.ruleset(), List.of(), List.of()), bytes);
        return bytes.toByteArray();
    }

    @Test
    void aLoadedRulesetJudgesAndDescribesItselfAsTheCompiledOne() throws Exception {
        List<RuleFile> files = ShippedRules.source().ruleFiles();
        Ruleset compiled = ShippedRules.ruleset();

        Ruleset loaded = PrecompiledRuleset.read(new ByteArrayInputStream(archiveOfShipped()), files, compiler)
                .ruleset();

        assertThat(loaded.kieBase()).isNotSameAs(compiled.kieBase());
        assertThat(loaded.version()).isEqualTo(compiled.version());
        assertThat(loaded.rules()).isEqualTo(compiled.rules());
        assertThat(loaded.figuresRead()).isEqualTo(compiled.figuresRead());
        assertThat(loaded.globals().keySet()).isEqualTo(compiled.globals().keySet());
        DecisionEngine engine = new DecisionEngine();
        for (MarketSnapshot snapshot : List.of(Snapshots.article(), SampleSnapshot.FULL)) {
            Verdict fromArchive = engine.evaluate(loaded, snapshot);
            Verdict fromCompile = engine.evaluate(compiled, snapshot);
            assertThat(fromArchive.regime()).isEqualTo(fromCompile.regime());
            assertThat(fromArchive.actions()).isEqualTo(fromCompile.actions());
            assertThat(fromArchive.signals()).isEqualTo(fromCompile.signals());
            assertThat(fromArchive.explanation()).isEqualTo(fromCompile.explanation());
            assertThat(fromArchive.firedRules()).isEqualTo(fromCompile.firedRules());
        }
        assertThat(new ScenarioRunner(engine, ShippedRules.READER).runAll(loaded, ShippedRules.source().scenarios()))
                .isNotEmpty().allMatch(ScenarioResult::passed);
    }

    @Test
    void keepsTheCompileWarnings() throws Exception {
        List<RuleFile> files = ShippedRules.source().ruleFiles();
        CompileProblem warning = new CompileProblem("reserves.drl", 12, 4, "a warning the compile gave");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrecompiledRuleset.write(new Compilation(ShippedRules.ruleset(), List.of(), List.of(warning)), bytes);

        Compilation loaded = PrecompiledRuleset.read(new ByteArrayInputStream(bytes.toByteArray()), files, compiler);

        assertThat(loaded.warnings()).containsExactly(warning);
    }

    @Test
    void refusesAnArchiveOfOtherFilesOrBytesThatAreNoArchive() throws Exception {
        List<RuleFile> edited = ShippedRules.source().ruleFiles().stream()
                .map(file -> file.name().equals("thresholds.drl")
                        ? new RuleFile(file.name(), RulesFolder.thresholdsWithScarcityLine(12.5)) : file)
                .toList();
        byte[] archive = archiveOfShipped();

        assertThatThrownBy(() -> PrecompiledRuleset.read(new ByteArrayInputStream(archive), edited, compiler))
                .isInstanceOf(IOException.class).hasMessageContaining("not these files");
        byte[] truncated = Arrays.copyOf(archive, archive.length / 2);
        assertThatThrownBy(() -> PrecompiledRuleset.read(new ByteArrayInputStream(truncated),
                ShippedRules.source().ruleFiles(), compiler)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PrecompiledRuleset.read(new ByteArrayInputStream("rule \"x\" end".getBytes()),
                ShippedRules.source().ruleFiles(), compiler)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAnArchiveThatHoldsClassesARulesetIsNotMadeOf() throws Exception {
        List<RuleFile> files = ShippedRules.source().ruleFiles();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var out = PrecompiledRuleset.writeHeader(bytes, RulesetCompiler.versionOf(files), List.of());
        // where the declared classes belong, a map that carries an object of another kind
        out.writeObject(new java.util.HashMap<>(java.util.Map.of("rules/Thresholds.class",
                java.net.URI.create("http://example.com/"))));
        out.flush();

        assertThatThrownBy(() -> PrecompiledRuleset.read(new ByteArrayInputStream(bytes.toByteArray()), files, compiler))
                .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
    }

    @Test
    void theAllowListTakesWhatARulesetIsMadeOfAndNothingElse() throws Exception {
        java.io.ObjectInputFilter filter = PrecompiledRuleset.filter(java.util.Set.of("rules.Thresholds"));
        assertThat(roundTrip(new java.util.ArrayList<>(List.of("text", 1, 2.5, true)), filter)).isNotNull();
        assertThatThrownBy(() -> roundTrip(new java.util.ArrayList<>(List.of(java.net.URI.create("http://x/"))), filter))
                .isInstanceOf(java.io.InvalidClassException.class);
        assertThatThrownBy(() -> roundTrip(new java.io.File("/tmp"), filter))
                .isInstanceOf(java.io.InvalidClassException.class);
    }

    private static Object roundTrip(Object value, java.io.ObjectInputFilter filter) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new java.io.ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    @Test
    void theBuildPutsTheShippedRulesOnTheClasspathPrecompiled() throws Exception {
        Compilation found = PrecompiledRuleset.find(ShippedRules.source().ruleFiles(), compiler)
                .orElseThrow(() -> new AssertionError("no " + PrecompiledRuleset.RESOURCE_DIR + " archive of rules/:"
                        + " the build's precompile step (pom.xml, process-classes) did not run"));

        assertThat(found.ruleset().version()).isEqualTo(ShippedRules.ruleset().version());
        assertThat(PrecompiledRuleset.find(List.of(new RuleFile("other.drl", "package rules\n")), compiler)).isEmpty();
    }

    @Test
    void theBuildStepWritesOneArchivePerFolderAndNoneForRulesThatDoNotCompileOrAreMissing() throws Exception {
        Path rules = dir.resolve("rules");
        RulesFolder.copyOfShipped(rules);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("0123.ruleset"), "an archive of an earlier build");

        PrecompiledRuleset.main(new String[] { rules.toString(), out.toString() });
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactly(PrecompiledRuleset.fileName(ShippedRules.ruleset().version()));
        }

        Files.writeString(rules.resolve("thresholds.drl"), "rule broken when then");
        PrecompiledRuleset.main(new String[] { rules.toString(), out.toString() });
        try (var listing = Files.list(out)) {
            assertThat(listing).as("a folder that does not compile leaves nothing to load").isEmpty();
        }

        PrecompiledRuleset.main(new String[] { dir.resolve("no-rules-here").toString(), out.toString() });
        try (var listing = Files.list(out)) {
            assertThat(listing).as("nor does a missing folder").isEmpty();
        }
    }
}
