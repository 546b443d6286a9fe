package dev.reservewatch.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.ruleset.RuleFile;

/** Live edits: in place, through the Kubernetes ConfigMap layout, and as a burst of saves. */
class RulesFolderWatcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private RulesFolderWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.onStop(null);
        }
    }

    private ActiveRuleset watch(Path rulesDir) {
        ActiveRuleset service = new RulesFolder(rulesDir).activeRuleset();
        service.reload();
        watcher = new RulesFolderWatcher(RulesFolder.config(rulesDir), service);
        watcher.onStart(null);
        return service;
    }

    @Test
    void picksUpAnEditInPlace() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = watch(dir);
        String before = service.active().version();

        folder.write("thresholds.drl", RulesFolder.thresholdsWithScarcityLine(10.5));

        RulesFolder.await("the edit to become active", PATIENCE, () -> !service.active().version().equals(before));
        assertThat(service.active().globals().get("thresholds").toString()).contains("10.5");
    }

    @Test
    void keepsServingThroughABrokenEditAndTakesTheFix() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = watch(dir);
        String good = service.active().version();

        folder.write("typo.drl", RulesFolder.BROKEN_DRL);
        RulesFolder.await("the broken edit to be refused", PATIENCE, () -> service.lastRejection().isPresent());
        assertThat(service.active().version()).isEqualTo(good);

        Files.delete(dir.resolve("typo.drl"));
        folder.write("thresholds.drl", RulesFolder.thresholdsWithScarcityLine(10.5));
        RulesFolder.await("the fix to become active", PATIENCE, () -> !service.active().version().equals(good));
    }

    @Test
    void becomesReadyWhenABrokenStartIsFixed() throws Exception {
        Files.writeString(dir.resolve("typo.drl"), RulesFolder.BROKEN_DRL);
        ActiveRuleset service = watch(dir);
        assertThat(service.current()).isEmpty();

        Files.delete(dir.resolve("typo.drl"));
        RulesFolder.copyOfShipped(dir);
        RulesFolder.await("the fixed folder to become active", PATIENCE, () -> service.current().isPresent());
    }

    @Test
    void treatsABurstOfSavesAsOneEdit() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = watch(dir);
        long before = service.activations() + service.rejections();

        for (int i = 1; i <= 8; i++) { // an editor saving every 20 ms, well inside the settle time
            folder.write("thresholds.drl", RulesFolder.thresholdsWithScarcityLine(10.0 + i / 10.0));
            Thread.sleep(20);
        }
        RulesFolder.await("the last save to become active", PATIENCE,
                () -> service.active().globals().get("thresholds").toString().contains("10.8"));
        Thread.sleep(1_000);
        assertThat(service.activations() + service.rejections() - before).as("versions tried").isEqualTo(1);
    }

    /**
     * The layout the kubelet builds for a ConfigMap volume: the data sits in a timestamped folder, {@code ..data}
     * links to it, and every visible entry links through {@code ..data}. An update writes a new folder and
     * renames a new link over {@code ..data} in one step.
     */
    @Test
    void followsTheConfigMapSymlinkSwap() throws Exception {
        Path first = dir.resolve("..2026_11_23_10_00_00.000000001");
        RulesFolder.copyOfShipped(first);
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        for (RuleFile file : ShippedRules.source().ruleFiles()) {
            Files.createSymbolicLink(dir.resolve(file.name()), Path.of("..data", file.name()));
        }
        Files.createSymbolicLink(dir.resolve("scenarios"), Path.of("..data", "scenarios"));

        ActiveRuleset service = watch(dir);
        String before = service.active().version();
        assertThat(before).isEqualTo(ShippedRules.ruleset().version());

        Path second = dir.resolve("..2026_11_23_10_05_00.000000002");
        RulesFolder.copyOfShipped(second).write("thresholds.drl",
                RulesFolder.thresholdsWithScarcityLine(10.5));
        swapDataLink(second);

        RulesFolder.await("the swapped ConfigMap to become active", PATIENCE,
                () -> !service.active().version().equals(before));
        assertThat(service.active().files()).extracting(RuleFile::name)
                .containsExactlyInAnyOrderElementsOf(ShippedRules.source().ruleFiles().stream().map(RuleFile::name).toList());
    }

    private void swapDataLink(Path target) throws IOException {
        Path tmp = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, target.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
