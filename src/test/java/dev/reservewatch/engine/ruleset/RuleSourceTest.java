package dev.reservewatch.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules folder stays a folder: links within it are followed, links out of it and oversized folders refused. */
class RuleSourceTest {

    private static final String RULE = "package rules;\nrule \"x\" when then end\n";

    @TempDir
    Path dir;

    @Test
    void readsTheKubernetesConfigMapLayoutOfLinksThroughData() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path version = Files.createDirectories(rules.resolve("..2026_12_01_00_00_00.123"));
        Files.createDirectories(version.resolve("scenarios"));
        Files.writeString(version.resolve("a.drl"), RULE);
        Files.writeString(version.resolve("scenarios/s.json"), "{}");
        Files.createSymbolicLink(rules.resolve("..data"), rules.relativize(version));
        Files.createSymbolicLink(rules.resolve("a.drl"), Path.of("..data/a.drl"));
        Files.createSymbolicLink(rules.resolve("scenarios"), Path.of("..data/scenarios"));

        RuleSource source = RuleSource.read(rules);

        assertThat(source.ruleFiles()).extracting(RuleFile::name).containsExactly("a.drl");
        assertThat(source.scenarios()).containsOnlyKeys("s.json");
    }

    @Test
    void refusesARuleFileThatLinksOutOfTheFolderAndReadsNothingOfIt() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.txt"), "rule \"not a rule\" the secret\n");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE);
        Files.createSymbolicLink(rules.resolve("b.drl"), outside);

        assertThatThrownBy(() -> RuleSource.read(rules)).isInstanceOf(RuleSource.RulesFolderException.class)
                .hasMessage("b.drl links to a file outside the rules folder; rule and scenario files must lie within it")
                .hasMessageNotContaining("secret").hasMessageNotContaining(dir.toString());
    }

    @Test
    void refusesAScenarioThatLinksOutOfTheFolder() throws Exception {
        Path outside = Files.writeString(dir.resolve("elsewhere.json"), "{}");
        Path rules = Files.createDirectories(dir.resolve("rules/scenarios")).getParent();
        Files.writeString(rules.resolve("a.drl"), RULE);
        Files.createSymbolicLink(rules.resolve("scenarios/s.json"), outside);

        assertThatThrownBy(() -> RuleSource.read(rules)).isInstanceOf(RuleSource.RulesFolderException.class)
                .hasMessageStartingWith("scenarios/s.json links to a file outside the rules folder");
    }

    @Test
    void refusesAFolderWithTooManyOrTooLargeFiles() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(rules.resolve("r" + i + ".drl"), RULE);
        }
        assertThatThrownBy(() -> RuleSource.read(rules, new RuleSource.Limits(3, 1024)))
                .hasMessage("*.drl: more than 3 files (rules.max-files)");
        Files.writeString(rules.resolve("big.drl"), RULE + "// " + "x".repeat(2000));
        assertThatThrownBy(() -> RuleSource.read(rules, new RuleSource.Limits(10, 1024)))
                .hasMessage("big.drl is larger than 1024 bytes (rules.max-file-size)");
        assertThat(RuleSource.read(rules, new RuleSource.Limits(10, 4096)).ruleFiles()).hasSize(5);
    }

    @Test
    void saysWhyAFolderCannotBeReadWithoutItsPath() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> RuleSource.read(missing)).satisfies(e -> assertThat(
                RuleSource.describe((java.io.IOException) e)).isEqualTo("nowhere: the rules folder does not exist"));
    }
}
