package dev.reservewatch.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.model.ReserveRegime;

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

    @Test
    void aWatchExpectationIsMetByOneEntryNotByTwoBetweenThem() {
        // a signal watched on two figures: one firing far past its line, one near its line but not firing
        Verdict verdict = new Verdict(LocalDate.parse("2025-10-24"), ReserveRegime.SCARCE, List.of(), List.of(),
                List.of(watch("reservesToGdpPct", true, -50.0), watch("reservesToAssetsPct", false, 5.0)), "",
                List.of(), List.of(), new Verdict.RulesetRef("sha256:x", Instant.EPOCH), 1, null, null);
        Scenario.Expectation firingAndNear = new Scenario.Expectation(null, null, null, null, null,
                List.of(new Scenario.WatchExpectation("EXCESS_RESERVES_SCARCE", null, true, 10.0)));
        assertThat(ScenarioRunner.check(firingAndNear, verdict)).singleElement().asString()
                .contains("within 10.0% of its line but it was -50.0%");

        Scenario.Expectation notFiringAndNear = new Scenario.Expectation(null, null, null, null, null,
                List.of(new Scenario.WatchExpectation("EXCESS_RESERVES_SCARCE", null, false, 10.0)));
        assertThat(ScenarioRunner.check(notFiringAndNear, verdict)).isEmpty();
    }

    @Test
    void aScenarioMayExpectPhrasesInEitherLanguage() {
        Scenario article = Snapshots.scenario("2025-10-article-alarm.json");
        assertThat(article.expect().text()).containsKeys("en", "zh");
        Verdict verdict = new DecisionEngine().evaluate(ShippedRules.ruleset(), article.snapshot());
        assertThat(ScenarioRunner.check(article.expect(), verdict)).isEmpty();

        Scenario.Expectation wrongChinese = new Scenario.Expectation(null, null, null, null, null, null,
                Map.of("zh", List.of("准备金处于充裕（ABUNDANT）状态"), "en", List.of("reserves are SCARCE")));
        assertThat(ScenarioRunner.check(wrongChinese, verdict)).singleElement().asString()
                .startsWith("expected the zh text to say \"准备金处于充裕（ABUNDANT）状态\" but it reads: 截至2025年10月24日");
        Scenario.Expectation unknownLanguage = new Scenario.Expectation(null, null, null, null, null, null,
                Map.of("fr", List.of("réserves")));
        assertThat(ScenarioRunner.check(unknownLanguage, verdict)).singleElement().asString()
                .contains("en and zh");
    }

    private static Verdict.Watch watch(String metric, boolean firing, double distancePct) {
        return new Verdict.Watch("EXCESS_RESERVES_SCARCE", metric, 10, 10, "%", "BELOW", distancePct / 10,
                distancePct, firing, "rule", null, null, null, "past the line");
    }
}
