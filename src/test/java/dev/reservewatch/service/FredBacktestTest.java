package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.TrendWindows;

/**
 * The shipped rules over real weekly FRED data, 2018-2026, against what the FOMC actually did. Runs when
 * ../shared/data/fred exists beside the project (it is never copied in); skips itself, saying so, elsewhere.
 */
class FredBacktestTest {

    static final Path FRED = Path.of("../shared/data/fred");

    private static Map<LocalDate, Verdict> weekly;
    private static List<FredImport.Observations> files;
    private static RunoffCalendar calendar;

    @BeforeAll
    static void runBacktest() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FRED),
                "FRED data not found at " + FRED.toAbsolutePath() + ": the backtest needs ../shared/data/fred");
        files = new ArrayList<>();
        for (FredSeries series : FredSeries.values()) {
            files.add(FredImport.parse(series.name(), Files.readString(FRED.resolve(series.name() + ".csv"))));
        }
        calendar = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());
        FredImport.Weekly points = FredImport.weekly(files, calendar, LocalDate.of(2018, 1, 1), null, 10_000, TrendWindows.DEFAULT.historyDays());
        SeriesJudge.Result result = new SeriesJudge(new DecisionEngine()).judge(ShippedRules.ruleset(),
                points.points(), points.reportFrom());
        weekly = new TreeMap<>();
        result.verdicts().forEach(v -> weekly.put(v.asOf(), v));
        // the timeline, for docs/backtesting.md and for whoever calibrates the rules: every change of the
        // regime or the actions, with the signals of that week
        StringBuilder timeline = new StringBuilder();
        String previous = null;
        for (Verdict verdict : result.verdicts()) {
            String now = verdict.regime() + " " + actions(verdict);
            if (!now.equals(previous)) {
                timeline.append(verdict.asOf()).append("  ").append(now).append("  ")
                        .append(verdict.signals().stream().filter(s -> s.severity() != dev.reservewatch.model.Severity.INFO)
                                .map(Verdict.SignalReport::code).distinct().toList()).append('\n');
                previous = now;
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fred-backtest-timeline.txt"), timeline);
    }

    private static Verdict on(String wednesday) {
        Verdict verdict = weekly.get(LocalDate.parse(wednesday));
        assertThat(verdict).as("a weekly point on " + wednesday).isNotNull();
        return verdict;
    }

    private static List<String> actions(Verdict verdict) {
        return verdict.actions().stream().map(Verdict.Action::code).toList();
    }

    private static List<Verdict> between(String from, String to) {
        return weekly.values().stream().filter(v -> !v.asOf().isBefore(LocalDate.parse(from))
                && !v.asOf().isAfter(LocalDate.parse(to))).toList();
    }

    @Test
    void callsForAnEndToTheRunoffBeforeItEndedIn2019() {
        assertThat(between("2019-06-01", "2019-07-31")).as("weeks before the 2019-07-31 decision")
                .anySatisfy(v -> assertThat(actions(v)).contains("END_RUNOFF"));
        assertThat(between("2018-01-01", "2018-12-31")).as("2018: slow down at most, the runoff ran all year")
                .allSatisfy(v -> assertThat(actions(v)).doesNotContain("END_RUNOFF"));
    }

    @Test
    void seesTheSeptember2019RepoSpikeAsScarceReserves() {
        Verdict spike = on("2019-09-18");
        assertThat(spike.regime()).isEqualTo(ReserveRegime.SCARCE);
        assertThat(actions(spike)).contains("USE_STANDING_REPO", "RESERVE_MANAGEMENT_PURCHASES").doesNotContain("END_RUNOFF");
        assertThat(actions(on("2019-10-16"))).as("bill purchases announced 2019-10-11").contains("RESERVE_MANAGEMENT_PURCHASES");
    }

    @Test
    void letsTheRunoffRunWhileReservesWereAbundant() {
        assertThat(on("2021-12-29").regime()).isEqualTo(ReserveRegime.ABUNDANT);
        assertThat(between("2022-06-01", "2023-10-31")).as("QT from 2022-06 with ON RRP above $1tn")
                .allSatisfy(v -> {
                    assertThat(actions(v)).containsExactly("CONTINUE_RUNOFF");
                    assertThat(v.regime()).isIn(ReserveRegime.ABUNDANT, ReserveRegime.AMPLE);
                });
    }

    @Test
    void slowsTheRunoffAsTheFomcDidIn2024And2025() {
        assertThat(actions(on("2024-05-01"))).as("FOMC slowed the runoff on 2024-05-01").containsExactly("SLOW_RUNOFF");
        assertThat(actions(on("2025-03-19"))).as("FOMC cut the Treasury cap to $5bn on 2025-03-19").containsExactly("SLOW_RUNOFF");
        assertThat(between("2024-01-01", "2025-09-30")).as("no call to end QT while rates stayed calm")
                .allSatisfy(v -> assertThat(actions(v)).doesNotContain("END_RUNOFF"));
    }

    @Test
    void callsForTheEndOfQtInOctober2025() {
        assertThat(actions(on("2025-10-22"))).as("the week before the 2025-10-29 decision").contains("END_RUNOFF", "REINVEST_INTO_BILLS");
        assertThat(actions(on("2025-10-29"))).contains("END_RUNOFF");
        assertThat(actions(on("2025-12-03"))).as("QT over from 2025-12-01, reserves still short")
                .contains("RESERVE_MANAGEMENT_PURCHASES").doesNotContain("END_RUNOFF");
    }

    private static List<String> signals(Verdict verdict) {
        return verdict.signals().stream().map(Verdict.SignalReport::code).toList();
    }

    @Test
    void startsTheRunoffOnlyOnceThePurchasesHadEnded() {
        assertThat(between("2022-03-16", "2022-05-25")).as("purchases over (early March 2022), runoff from 2022-06-01")
                .allSatisfy(v -> assertThat(actions(v)).containsExactly("START_RUNOFF"));
        assertThat(weekly.values()).as("START_RUNOFF nowhere else: not while purchases ran, not once the runoff ran")
                .filteredOn(v -> actions(v).contains("START_RUNOFF"))
                .allSatisfy(v -> assertThat(v.asOf()).isBetween(LocalDate.of(2022, 3, 10), LocalDate.of(2022, 5, 31)));
    }

    @Test
    void callsForTheEndOfThePurchasesAndNeverForReservePurchasesWhileTheyRan() {
        List<Verdict> purchasing = between("2020-03-18", "2022-03-09");
        assertThat(purchasing).as("no reserve management purchases while asset purchases ran")
                .allSatisfy(v -> assertThat(actions(v)).doesNotContain("RESERVE_MANAGEMENT_PURCHASES", "START_RUNOFF"));
        assertThat(between("2021-08-11", "2022-03-09")).as("inflation above 2% and reserves abundant: end the purchases")
                .allSatisfy(v -> assertThat(actions(v)).containsExactly("END_PURCHASES"));
        assertThat(between("2020-03-18", "2021-03-31")).as("inflation below the goal in 2020: no call to end them")
                .allSatisfy(v -> assertThat(actions(v)).doesNotContain("END_PURCHASES"));
    }

    @Test
    void seesTheStandingRepoSpikesOfAutumn2025AndItsYearEnd() {
        for (String week : List.of("2025-10-15", "2025-10-22", "2025-10-29", "2025-11-05", "2025-11-26", "2025-12-03",
                "2025-12-31")) {
            assertThat(signals(on(week))).as("standing repo take-up in the week to " + week).contains("SRF_TAKEUP_SPIKE");
        }
        assertThat(on("2025-11-05").signals()).as("the month-end Friday's $50.35bn, the week's highest day")
                .anySatisfy(signal -> assertThat(signal.observed()).isEqualTo(50.35));
        assertThat(between("2021-07-28", "2025-06-25")).as("before 2025, the facility was barely used")
                .allSatisfy(v -> assertThat(signals(v)).doesNotContain("SRF_TAKEUP_SPIKE"));
    }

    @Test
    void readsQuarterEndAndYearEndSpikesAsSeasonalUnlessTheyLast() {
        // the 2018 year end: SOFR 50-65bp above the range for two days; the verdict keeps slowing the runoff
        Verdict yearEnd = on("2019-01-02");
        assertThat(signals(yearEnd)).contains("PERIOD_END_PRESSURE").doesNotContain("REPO_SPIKE");
        assertThat(actions(yearEnd)).containsExactly("SLOW_RUNOFF");
        // the 2025 mid-year quarter end: $11.1bn of standing repo on 2025-06-30 and nothing before or after
        assertThat(signals(on("2025-07-02"))).contains("PERIOD_END_PRESSURE").doesNotContain("SRF_TAKEUP_SPIKE");
        // September 2019 was no calendar effect: SOFR 300bp above the range
        assertThat(signals(on("2019-09-18"))).contains("REPO_SPIKE");
    }

    @Test
    void readsReservesAgainstTheBanksBalanceSheets() {
        assertThat(between("2019-07-03", "2019-12-11")).as("2019: under 9% of bank assets, four-week average")
                .allSatisfy(v -> assertThat(signals(v)).contains("BANK_RESERVES_SCARCE"));
        assertThat(signals(on("2025-10-29"))).as("2025-10: under 12.5%, above 9%").contains("BANK_RESERVES_THIN")
                .doesNotContain("BANK_RESERVES_SCARCE");
        assertThat(between("2021-01-01", "2024-12-31")).as("2021-2024: plentiful against the banks' assets")
                .allSatisfy(v -> assertThat(signals(v)).doesNotContain("BANK_RESERVES_SCARCE", "BANK_RESERVES_THIN"));
    }

    @Test
    void readsTheBreadthOfRepoPressureInTheEpisodesOfTheRecordAndNotWhileReservesWereAbundant() {
        // most of the repo market at or above IOER in 2019 (SOFR 5.25% against IOER 2.10% on 2019-09-17), and again
        // from mid-October 2025
        assertThat(between("2019-04-10", "2019-11-13")).as("2019: broad repo pressure")
                .allSatisfy(v -> assertThat(signals(v)).contains("REPO_PRESSURE_BROAD"));
        assertThat(between("2025-10-22", "2025-12-31")).as("autumn 2025: broad repo pressure")
                .allSatisfy(v -> assertThat(signals(v)).contains("REPO_PRESSURE_BROAD"));
        // tri-party repo no longer comfortably below IOER from late 2018, and from mid-September 2025
        assertThat(between("2018-09-05", "2020-02-26")).as("2018-2020: a thin cushion")
                .allSatisfy(v -> assertThat(signals(v)).contains("REPO_CUSHION_THIN"));
        assertThat(between("2025-09-17", "2025-12-31")).as("autumn 2025: a thin cushion")
                .allSatisfy(v -> assertThat(signals(v)).contains("REPO_CUSHION_THIN"));
        // the standing repo facility used in three ordinary weeks by the week the FOMC decided to end QT
        assertThat(between("2025-10-29", "2026-02-04")).as("routine standing repo use")
                .allSatisfy(v -> assertThat(signals(v)).contains("SRF_ROUTINE_USE"));
        assertThat(between("2021-07-28", "2025-10-22")).as("before: never routine")
                .allSatisfy(v -> assertThat(signals(v)).doesNotContain("SRF_ROUTINE_USE"));
        // overnight rates responding to reserves as QT drained them in 2018-2019, and again from November 2025
        assertThat(between("2018-05-09", "2019-03-27")).as("2018-2019: the steep part of the demand curve")
                .allSatisfy(v -> assertThat(signals(v)).contains("RESERVE_DEMAND_STEEP"));
        assertThat(between("2025-11-05", "2026-03-25")).as("late 2025: steep again")
                .allSatisfy(v -> assertThat(signals(v)).contains("RESERVE_DEMAND_STEEP"));
        assertThat(between("2020-07-01", "2024-12-31")).as("reserves abundant: none of the four")
                .allSatisfy(v -> assertThat(signals(v)).doesNotContain("REPO_PRESSURE_BROAD", "REPO_CUSHION_THIN",
                        "SRF_ROUTINE_USE", "RESERVE_DEMAND_STEEP"));
    }

    @Test
    void holdsItsDecisionsUntilTheEvidenceTurnsForMoreThanAWeek() {
        List<Verdict> weeks = new ArrayList<>(weekly.values());
        assertThat(oneWeekFlips(weeks, Verdict::regime)).as("regimes called for one week and then dropped")
                .hasSizeLessThanOrEqualTo(1);
        assertThat(oneWeekFlips(weeks, v -> actions(v).stream().filter(RUNOFF_ACTIONS::contains).toList()))
                .as("runoff actions recommended for one week and then dropped").hasSizeLessThanOrEqualTo(1);
        // and autumn 2025 still reads as the alarm it was: the runoff to end before the decision, scarce from its week
        assertThat(between("2025-10-08", "2025-11-26")).allSatisfy(v -> assertThat(actions(v)).contains("END_RUNOFF"));
        assertThat(between("2025-10-29", "2026-01-28")).allSatisfy(v -> assertThat(v.regime())
                .isEqualTo(ReserveRegime.SCARCE));
    }

    private static final List<String> RUNOFF_ACTIONS = List.of("CONTINUE_RUNOFF", "SLOW_RUNOFF", "END_RUNOFF");

    /** The weeks whose reading differs from the weeks on both sides, which agree with each other. */
    private static <T> List<LocalDate> oneWeekFlips(List<Verdict> weeks, java.util.function.Function<Verdict, T> reading) {
        List<LocalDate> flips = new ArrayList<>();
        for (int i = 1; i + 1 < weeks.size(); i++) {
            T before = reading.apply(weeks.get(i - 1));
            if (!reading.apply(weeks.get(i)).equals(before) && reading.apply(weeks.get(i + 1)).equals(before)) {
                flips.add(weeks.get(i).asOf());
            }
        }
        return flips;
    }

    @Test
    void neverJudgesAWeekWithFiguresPublishedAfterIt() {
        // rebuild every point from the downloads cut at its own date, as if run that day: the same point
        List<LocalDate> days = List.of(LocalDate.of(2019, 9, 18), LocalDate.of(2021, 12, 29), LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 10, 29), LocalDate.of(2025, 12, 31));
        for (LocalDate day : days) {
            List<FredImport.Observations> cut = new ArrayList<>();
            for (FredImport.Observations series : files) {
                TreeMap<LocalDate, Double> known = new TreeMap<>();
                series.values().forEach((date, value) -> {
                    if (!publishedOn(series.series(), date).isAfter(day)) {
                        known.put(date, value);
                    }
                });
                cut.add(new FredImport.Observations(series.series(), known));
            }
            MarketSnapshot asRunThatDay = FredImport.weekly(cut, calendar, day, day, 10_000, 0).points().get(0);
            MarketSnapshot fromTheWhole = FredImport.weekly(files, calendar, day, day, 10_000, 0).points().get(0);
            assertThat(fromTheWhole).as("the point of " + day).isEqualTo(asRunThatDay);
        }
    }

    /** The publication lags as docs/backtesting.md states them, written out apart from the import's own. */
    private static LocalDate publishedOn(FredSeries series, LocalDate observed) {
        return switch (series) {
            case RRPONTSYD, IORB, IOER, DFEDTARL, DFEDTARU, RPONTTLD -> observed;
            case EFFR, SOFR, WRESBAL, WALCL, TREAST, WSHOMCB, WTREGEN, WDTGAL, SOFR1, SOFR25, SOFR75, SOFR99, SOFRVOL,
                    TGCRRATE, BGCRRATE -> observed.plusDays(1);
            case TLAACBW027SBOG -> observed.plusDays(9);
            case CPIAUCSL -> observed.withDayOfMonth(observed.lengthOfMonth()).plusDays(14);
            case PCEPILFE -> observed.withDayOfMonth(observed.lengthOfMonth()).plusDays(30);
        };
    }
}
