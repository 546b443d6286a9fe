package dev.reservewatch.engine.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Runoff;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.model.Input;

/** The watchlist: how near each trigger of the active rules is, and when it would cross at its pace. */
class WatchlistTest {

    private final DecisionEngine engine = new DecisionEngine();

    private static Verdict.Watch entry(Verdict verdict, String signal, String metric) {
        return verdict.watchlist().stream().filter(w -> w.signal().equals(signal) && w.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no watch entry for " + signal + " on " + metric
                        + " in " + verdict.watchlist()));
    }

    @Test
    void showsTheArticlesExcessReserveRatioPastItsLine() {
        Verdict verdict = engine.evaluate(ShippedRules.ruleset(), Snapshots.article());
        Verdict.Watch scarce = entry(verdict, "EXCESS_RESERVES_SCARCE", "largeBankExcessReserveRatioPct");
        assertThat(scarce.observed()).isEqualTo(9.8);
        assertThat(scarce.threshold()).isEqualTo(10.0);
        assertThat(scarce.fires()).isEqualTo("BELOW");
        assertThat(scarce.distance()).isEqualTo(-0.2);
        assertThat(scarce.distancePct()).isEqualTo(-2.0);
        assertThat(scarce.firing()).isTrue();
        assertThat(scarce.rule()).isEqualTo("Excess reserves below the scarcity line");
        assertThat(scarce.unit()).isEqualTo("%");
        assertThat(verdict.watchlist()).as("firing first").first().matches(Verdict.Watch::firing);
    }

    @Test
    void theExplanationNamesTheNearestTriggerThatHasNotReachedItsLine() {
        Verdict verdict = engine.evaluate(ShippedRules.ruleset(), Snapshots.article());
        Verdict.Watch nearest = verdict.watchlist().stream().filter(w -> !w.firing() && w.distance() > 0).findFirst()
                .orElseThrow();
        assertThat(verdict.explanation()).contains("Nearest trigger not firing yet: " + nearest.signal() + ", "
                + nearest.metric());
        // ON RRP's drawdown is past the draining line, held back because the buffer is gone altogether
        Verdict.Watch draining = entry(verdict, "ON_RRP_DRAINING", "onRrpDrawdownHeldPct");
        assertThat(draining.firing()).isFalse();
        assertThat(draining.distance()).isNegative();
        assertThat(verdict.watchlist()).last().isEqualTo(draining);
        assertThat(verdict.explanation()).doesNotContain("firing yet: ON_RRP_DRAINING");
    }

    @Test
    void listsNothingFiringForAnAmpleSnapshotAndTheNearestFirst() {
        MarketSnapshot ample = Snapshots.json("""
                {"asOf": "2022-06-01", "reserveBalancesBn": 3300, "fedTotalAssetsBn": 8900, "onRrpBalanceBn": 1965,
                 "onRrpPeakBn": 2200, "bankTotalAssetsBn": 22900, "iorbPct": 0.90, "effrPct": 0.83, "sofrPct": 0.78,
                 "repoRateHighPct": 0.85, "targetRangeLowPct": 0.75, "targetRangeHighPct": 1.00,
                 "largeBankExcessReserveRatioPct": 14.0, "smallBankExcessReserveRatioPct": 13.0, "srfTakeupBn": 0,
                 "runoff": {"active": true, "treasuryCapBn": 30, "mbsCapBn": 17.5}}
                """);
        List<Verdict.Watch> watchlist = engine.evaluate(ShippedRules.ruleset(), ample).watchlist();
        assertThat(watchlist).isNotEmpty().noneMatch(Verdict.Watch::firing);
        // those approaching their line first, the nearest first; those past it but held back after them
        int approaching = (int) watchlist.stream().filter(w -> w.distance() > 0).count();
        assertThat(watchlist.subList(0, approaching)).allMatch(w -> w.distance() > 0);
        assertThat(watchlist.subList(approaching, watchlist.size())).isNotEmpty().allMatch(w -> w.distance() <= 0);
        List<Double> closeness = watchlist.subList(0, approaching).stream()
                .map(w -> w.distance() / Math.max(Math.abs(w.threshold()), 1.0)).toList();
        assertThat(closeness).isSortedAccordingTo(Comparator.naturalOrder());
        // no history: no pace to project; a share past its floor while ON RRP still stands says why it does not fire
        assertThat(watchlist).allSatisfy(w -> assertThat(w.projection()).containsAnyOf("no history",
                "the rule's other conditions do not hold"));
        assertThat(watchlist).filteredOn(w -> w.metric().equals("reservesToAssetsPct")).singleElement()
                .satisfies(w -> assertThat(w.distance()).isNegative());
    }

    @Test
    void projectsWhenAShareFallingAtASteadyPaceCrossesItsLine() {
        // reserves' share of Fed assets falls half a point a week toward the 45% floor, ON RRP already gone
        List<MarketSnapshot> weeks = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 6, 4);
        for (int i = 0; i <= 13; i++) {
            double share = 53.5 - 0.5 * i; // 47.0 on the last week
            weeks.add(point(start.plusWeeks(i), share, 5.0));
        }
        MarketSnapshot now = weeks.remove(weeks.size() - 1).withHistory(weeks);
        Verdict verdict = engine.evaluate(ShippedRules.ruleset(), now);
        Verdict.Watch low = entry(verdict, "RESERVE_SHARE_LOW", "reservesToAssetsPct");
        assertThat(low.observed()).isEqualTo(47.0);
        assertThat(low.distance()).isEqualTo(2.0);
        assertThat(low.trendPerWeek()).isEqualTo(-0.5);
        assertThat(low.weeksToCross()).as("2 points at half a point a week").isEqualTo(4.0);
        assertThat(low.crossesAround()).isEqualTo(now.asOf().plusWeeks(4));
        assertThat(verdict.explanation()).contains("falling").contains("about");
    }

    @Test
    void makesNoProjectionForAFigureMovingAwayFromItsLine() {
        List<MarketSnapshot> weeks = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 6, 4);
        for (int i = 0; i <= 13; i++) {
            weeks.add(point(start.plusWeeks(i), 46.0 + 0.25 * i, 5.0));
        }
        MarketSnapshot now = weeks.remove(weeks.size() - 1).withHistory(weeks);
        Verdict.Watch low = entry(engine.evaluate(ShippedRules.ruleset(), now), "RESERVE_SHARE_LOW",
                "reservesToAssetsPct");
        assertThat(low.trendPerWeek()).isPositive();
        assertThat(low.weeksToCross()).isNull();
        assertThat(low.crossesAround()).isNull();
        assertThat(low.projection()).contains("moving away");
    }

    @Test
    void leavesOutATriggerWhoseFigureIsUnknownAndSaysWhatIsMissing() {
        Verdict verdict = engine.evaluate(ShippedRules.ruleset(), Snapshots.article());
        assertThat(verdict.watchlist()).noneMatch(w -> w.metric().startsWith("reservesToBankAssets"));
        assertThat(verdict.missingInputs()).contains("bankTotalAssetsBn");
    }

    @Test
    void watchesATriggerAnAnalystWritesInDrlWithoutAnyJava() {
        List<RuleFile> files = new ArrayList<>(ShippedRules.source().ruleFiles());
        files.add(new RuleFile("analyst.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Reserves below a tenth of GDP"
                when
                    Market( $share : reservesToGdpPct, reservesToGdpPct < thresholds.excessReserveScarcityPct )
                then
                    insert(new Signal("RESERVES_THIN_AGAINST_GDP", Severity.WARN, "reservesToGdpPct", $share,
                        thresholds.getExcessReserveScarcityPct(), "%", "Reserves are {observed} of GDP"));
                end
                """));
        Compilation compilation = new RulesetCompiler().compile(files);
        assertThat(compilation.errors()).isEmpty();
        Verdict verdict = engine.evaluate(compilation.ruleset(), Snapshots.json("""
                {"asOf": "2025-10-24", "reserveBalancesBn": 2930, "nominalGdpBn": 30500}
                """));
        Verdict.Watch gdp = entry(verdict, "RESERVES_THIN_AGAINST_GDP", "reservesToGdpPct");
        assertThat(gdp.threshold()).isEqualTo(10.0);
        assertThat(gdp.fires()).isEqualTo("BELOW");
        assertThat(gdp.firing()).isTrue();
    }

    @Test
    void aLineTheRulesSetNearZeroOrNearTheLargestDoubleGivesFiniteDistances() {
        for (String line : List.of("1e-320", "1.0E308", "-1.7976931348623157E308")) {
            List<RuleFile> files = new ArrayList<>(ShippedRules.source().ruleFiles());
            files.replaceAll(file -> file.name().equals("thresholds.drl") ? new RuleFile(file.name(), file.content()
                    .replace("srfSpikeBn : double = 5.0", "srfSpikeBn : double = " + line)
                    .replace("reserveShareFloorPct : double = 45.0", "reserveShareFloorPct : double = " + line)) : file);
            Compilation compilation = new RulesetCompiler().compile(files);
            assertThat(compilation.errors()).as(line).isEmpty();
            Verdict verdict = engine.evaluate(compilation.ruleset(), Snapshots.json("""
                    {"asOf": "2025-10-24", "srfTakeupBn": 5000, "reserveBalancesBn": 20000, "fedTotalAssetsBn": 1,
                     "onRrpBalanceBn": 0, "onRrpPeakBn": 2554}
                    """));
            for (Verdict.Watch watch : verdict.watchlist()) {
                assertThat(List.of(watch.observed(), watch.threshold(), watch.distance())).as("%s: %s", line, watch)
                        .allMatch(Double::isFinite);
                if (watch.distancePct() != null) {
                    assertThat(watch.distancePct()).as("%s: %s", line, watch).isFinite();
                }
            }
            assertThat(verdict.watchlist()).as(line).anyMatch(watch -> watch.metric().equals("srfTakeupBn"));
        }
        assertThat(Watchlist.distancePct(5, 1e-320)).isNull();
        assertThat(Watchlist.distancePct(1.7e308, 1e-6)).isNull();
        assertThat(Watchlist.distancePct(5, 10)).isEqualTo(50.0);
    }

    private static MarketSnapshot point(LocalDate asOf, double sharePct, double onRrpBn) {
        double assets = 6600;
        return MarketSnapshot.on(asOf).with(Input.RESERVE_BALANCES_BN, assets * sharePct / 100)
                .with(Input.FED_TOTAL_ASSETS_BN, assets).with(Input.ON_RRP_BALANCE_BN, onRrpBn)
                .with(Input.ON_RRP_PEAK_BN, 2554.0).runoff(new Runoff(true, 5.0, 35.0)).build();
    }
}
