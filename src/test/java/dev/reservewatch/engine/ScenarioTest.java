package dev.reservewatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario in rules/scenarios against the shipped rules, without booting Quarkus: one test per
 * file, failing with the expectations that did not hold.
 */
class ScenarioTest {

    private final ScenarioRunner runner = new ScenarioRunner(new DecisionEngine(), ShippedRules.READER);

    @TestFactory
    Stream<DynamicTest> everyScenarioHolds() {
        Map<String, byte[]> files = ShippedRules.source().scenarios();
        assertThat(files).as("scenario files in rules/scenarios").isNotEmpty();
        return files.entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
            List<ScenarioResult> results = runner.runAll(ShippedRules.ruleset(), Map.of(file.getKey(), file.getValue()));
            assertThat(results).hasSize(1);
            assertThat(results.get(0).failures()).as(results.get(0).name()).isEmpty();
            assertThat(results.get(0).passed()).isTrue();
        }));
    }

    @Test
    void runsAFolderAtOnceAndAnswersInItsFilesOrderWithUnreadableFilesFailed() {
        Map<String, byte[]> files = new java.util.TreeMap<>(ShippedRules.source().scenarios());
        files.put("0-not-json.json", "{".getBytes());

        List<ScenarioResult> results = runner.runAll(ShippedRules.ruleset(), files);

        assertThat(results).extracting(ScenarioResult::file).containsExactlyElementsOf(files.keySet());
        assertThat(results.get(0).passed()).isFalse();
        assertThat(results.get(0).failures()).singleElement().asString().startsWith("cannot be read: ");
        assertThat(results.subList(1, results.size())).allMatch(ScenarioResult::passed);
    }

    @Test
    void shipsTheEpisodesAnAnalystExpects() {
        assertThat(ShippedRules.source().scenarios().keySet()).contains(
                "2022-06-runoff-starts.json", "2024-06-buffer-draining.json", "2025-10-article-alarm.json",
                "2025-12-after-qt.json", "2019-09-repo-spike.json", "2021-12-abundant-no-runoff.json",
                "thin-inputs-unknown.json");
    }
}
