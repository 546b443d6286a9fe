package dev.reservewatch.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.ActionChange;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.TrendWindows;

class SeriesJudgeTest {

    private final SeriesJudge judge = new SeriesJudge(new DecisionEngine());

    private static MarketSnapshot point(String asOf, double effr, double sofr, double reserves, double onRrp) {
        return Snapshots.json("""
                {"asOf": "%s", "reserveBalancesBn": %s, "fedTotalAssetsBn": 6600, "onRrpBalanceBn": %s,
                 "onRrpPeakBn": 2554, "iorbPct": 4.15, "effrPct": %s, "sofrPct": %s,
                 "targetRangeLowPct": 4.0, "targetRangeHighPct": 4.25,
                 "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35}}
                """.formatted(asOf, reserves, onRrp, effr, sofr));
    }

    @Test
    void givesEachPointTheVerdictItsSnapshotWithTheEarlierPointsAsHistoryGets() {
        List<MarketSnapshot> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 7, 2);
        for (int week = 0; week < 20; week++) {
            points.add(point(day.plusWeeks(week).toString(), 4.08 + week * 0.0025, 4.05 + week * 0.004,
                    3300 - week * 25, 200 - week * 10));
        }
        List<Verdict> series = judge.judge(ShippedRules.ruleset(), points).verdicts();
        DecisionEngine engine = new DecisionEngine();
        for (int i = 0; i < points.size(); i++) {
            Verdict alone = engine.evaluate(ShippedRules.ruleset(), points.get(i).withHistory(points.subList(0, i)));
            // the markets a series builds once and shares (the watchlist's pace among them) change nothing
            assertThat(series.get(i)).as("week " + i).usingRecursiveComparison().ignoringFields("evaluationMicros").isEqualTo(alone);
        }
        assertThat(series.get(19).watchlist()).anySatisfy(watch -> assertThat(watch.trendPerWeek()).isNotNull());
    }

    @Test
    void judgesPointsInDateOrderEachWithTheEarlierOnesAsHistory() {
        List<MarketSnapshot> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 7, 2);
        for (int week = 0; week < 16; week++) {
            // EFFR creeps from 7bp below IORB to 3bp below, reserves fall; sent newest first
            points.add(0, point(day.plusWeeks(week).toString(), 4.08 + week * 0.0025, 4.05, 3300 - week * 25, 200 - week * 10));
        }
        SeriesJudge.Result result = judge.judge(ShippedRules.ruleset(), points);

        assertThat(result.verdicts()).extracting(Verdict::asOf).isSorted().hasSize(16);
        Verdict first = result.verdicts().get(0);
        assertThat(first.missingInputs()).contains("history");
        Verdict last = result.verdicts().get(15);
        assertThat(last.missingInputs()).doesNotContain("history");
        assertThat(last.signals()).anySatisfy(s -> {
            assertThat(s.code()).isEqualTo("FUNDING_SPREAD_WIDENING");
            assertThat(s.metric()).isEqualTo("effrIorbSpreadChangeLongBp");
        });
        assertThat(result.changes()).isNotEmpty();
        ActionChange change = result.changes().get(0);
        assertThat(change.from()).isNotEqualTo(change.to());
        assertThat(result.verdicts()).filteredOn(v -> v.asOf().equals(change.asOf())).singleElement()
                .satisfies(v -> assertThat(v.actions()).extracting(Verdict.Action::code)
                        .containsExactlyInAnyOrderElementsOf(change.to()));
    }

    @Test
    void aSeriesPointSeesTheSameHistoryAsASnapshotCarryingIt() {
        List<MarketSnapshot> points = new ArrayList<>();
        for (int week = 0; week < 14; week++) {
            points.add(point(LocalDate.of(2025, 7, 2).plusWeeks(week).toString(), 4.08 + week * 0.003,
                    4.10 + week * 0.01, 3300 - week * 30, 150 - week * 10));
        }
        Verdict inSeries = judge.judge(ShippedRules.ruleset(), points).verdicts().get(13);
        Verdict alone = new DecisionEngine().evaluate(ShippedRules.ruleset(),
                points.get(13).withHistory(points.subList(0, 13)));
        assertThat(inSeries).usingRecursiveComparison().ignoringFields("evaluationMicros").isEqualTo(alone);
    }

    @Test
    void streamsEachVerdictAsItIsJudgedAndKeepsOnlyTheChangesAndTheSpan() {
        List<MarketSnapshot> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 7, 2);
        for (int week = 0; week < 16; week++) {
            points.add(0, point(day.plusWeeks(week).toString(), 4.08 + week * 0.0025, 4.05, 3300 - week * 25, 200 - week * 10));
        }
        SeriesJudge.Result kept = judge.judge(ShippedRules.ruleset(), points);
        List<Verdict> streamed = new ArrayList<>();
        SeriesJudge.Summary summary = judge.judge(ShippedRules.ruleset(), points, day.plusWeeks(3), streamed::add);

        List<Verdict> reported = kept.verdicts().subList(3, 16);
        assertThat(streamed).usingRecursiveFieldByFieldElementComparatorIgnoringFields("evaluationMicros")
                .containsExactlyElementsOf(reported);
        assertThat(summary.points()).isEqualTo(13);
        assertThat(summary.from()).isEqualTo(day.plusWeeks(3));
        assertThat(summary.to()).isEqualTo(day.plusWeeks(15));
        assertThat(summary.changes()).isEqualTo(judge.judge(ShippedRules.ruleset(), points, day.plusWeeks(3)).changes());
    }

    @Test
    void aStreamedSeriesHoldsNoVerdictOnceItIsHandedOn() {
        List<MarketSnapshot> points = new ArrayList<>();
        for (int week = 0; week < 60; week++) {
            points.add(point(LocalDate.of(2024, 1, 3).plusWeeks(week).toString(), 4.08, 4.1, 3300 - week * 5, 200));
        }
        List<WeakReference<Verdict>> handedOn = new ArrayList<>();
        SeriesJudge.Judging judging = judge.start(ShippedRules.ruleset(), points, null);
        while (judging.hasNext()) {
            handedOn.add(new WeakReference<>(judging.next()));
        }
        // the judging is still reachable here: whatever it kept would survive the collections
        for (int i = 0; i < 10 && handedOn.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
        }
        assertThat(handedOn).allSatisfy(ref -> assertThat(ref.get()).isNull());
        assertThat(judging.summary().points()).isEqualTo(60);
    }

    @Test
    void namesThePointARuleFailedOnAndWhatWasJudgedBeforeIt() {
        Ruleset fragile = new RulesetCompiler().compile(List.of(new RuleFile("fragile.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Refuse an absurd SRF take-up"
                when
                    Market( srfTakeupBn > 1000 )
                then
                    insert(new Recommendation("", 1, "blank code"));
                end
                """))).ruleset();
        List<MarketSnapshot> points = new ArrayList<>();
        for (int week = 0; week < 5; week++) {
            points.add(Snapshots.json("{\"asOf\": \"%s\", \"srfTakeupBn\": %d}"
                    .formatted(LocalDate.of(2025, 10, 1).plusWeeks(week), week == 3 ? 5000 : 5)));
        }
        SeriesJudge.Judging judging = judge.start(fragile, points, null);
        List<Verdict> before = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (judging.hasNext()) {
                before.add(judging.next());
            }
        }).isInstanceOfSatisfying(RuleExecutionException.class, e -> {
            assertThat(e.rule()).isEqualTo("Refuse an absurd SRF take-up");
            assertThat(e.file()).isEqualTo("fragile.drl");
            assertThat(e.asOf()).isEqualTo(LocalDate.of(2025, 10, 22));
        });
        assertThat(before).hasSize(3);
        assertThat(judging.summary().points()).isEqualTo(3);
        assertThat(judging.summary().to()).isEqualTo(LocalDate.of(2025, 10, 15));
    }

    @Test
    void refusesDuplicateDatesAndPointsWithTheirOwnHistory() {
        MarketSnapshot a = point("2025-10-01", 4.1, 4.1, 3000, 10);
        assertThatThrownBy(() -> judge.judge(ShippedRules.ruleset(), List.of(a, point("2025-10-08", 4.1, 4.1, 3000, 10), a)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("asOf 2025-10-01");
                            assertThat(error.message()).contains("2 times", "[0, 2]");
                        }));
        assertThatThrownBy(() -> SeriesJudge.inDateOrder(List.of(a.withHistory(List.of(point("2025-09-01", 4, 4, 3000, 10))))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("[0].history");
    }

    @Test
    void trendsAreUnknownWithoutHistoryNeverZero() {
        Market market = Snapshots.market(Snapshots.article());
        assertThat(market.getEffrIorbSpreadChangeShortBp()).isNull();
        assertThat(market.getReservesChangeLongBn()).isNull();
        assertThat(market.getOnRrpDrawdownLongPct()).isNull();
        assertThat(market.getEffrIorbSpreadAvgShortBp()).as("the day's spread stands for the average").isEqualTo(9.0);
    }

    @Test
    void measuresTheArticlesSeptemberToOctoberWidening() {
        // the article: EFFR-IORB averaged 7bp in September and 9bp in October
        MarketSnapshot october = Snapshots.json("""
                {"asOf": "2025-10-24", "iorbPct": 5.15, "effrPct": 5.24, "reserveBalancesBn": 2930, "fedTotalAssetsBn": 6540,
                 "onRrpBalanceBn": 219,
                 "history": [{"asOf": "2025-09-24", "iorbPct": 5.15, "effrPct": 5.22, "reserveBalancesBn": 3000,
                              "fedTotalAssetsBn": 6600, "onRrpBalanceBn": 400}]}
                """);
        Market market = Snapshots.market(october);
        assertThat(market.getEffrIorbSpreadChangeShortBp()).isEqualTo(2.0);
        assertThat(market.getReservesChangeShortBn()).isEqualTo(-70.0);
        assertThat(market.getReservesToAssetsChangeShortPct()).isEqualTo(-0.65);
        assertThat(market.getOnRrpDrawdownShortPct()).isEqualTo(45.25);
        assertThat(market.getEffrIorbSpreadChangeLongBp()).as("no point 13 weeks back").isNull();
    }

    @Test
    void historyLooksUpWindowStartsByBinarySearch() {
        List<MarketSnapshot> points = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            points.add(point(LocalDate.of(2025, 1, 1).plusDays(day * 2L).toString(), 4.1, 4.1, 3000 + day, 100 - day));
        }
        History history = History.ofSorted(points);
        assertThat(history.latestOnOrBefore(LocalDate.of(2024, 12, 31))).isEqualTo(-1);
        assertThat(history.latestOnOrBefore(LocalDate.of(2025, 1, 1))).isZero();
        assertThat(history.latestOnOrBefore(LocalDate.of(2025, 1, 4))).isEqualTo(1);
        assertThat(history.upTo(10).latestOnOrBefore(LocalDate.of(2026, 1, 1))).isEqualTo(9);
        assertThat(history.upTo(10).onRrpPeak()).isEqualTo(100.0);
        assertThat(Market.of(points.get(99), history.upTo(99), TrendWindows.DEFAULT).getReservesChangeShortBn())
                .isEqualTo(14.0);
    }
}
