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
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.SeriesJudge;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.model.ReserveRegime;

/**
 * The shipped rules over real weekly FRED data, 2018-2026, against what the FOMC actually did. Runs when
 * ../shared/data/fred exists beside the project (it is never copied in); skips itself, saying so, elsewhere.
 */
class FredBacktestTest {

    static final Path FRED = Path.of("../shared/data/fred");

    private static Map<LocalDate, Verdict> weekly;

    @BeforeAll
    static void runBacktest() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FRED),
                "FRED data not found at " + FRED.toAbsolutePath() + ": the backtest needs ../shared/data/fred");
        List<FredImport.Observations> files = new ArrayList<>();
        for (FredSeries series : FredSeries.values()) {
            files.add(FredImport.parse(series.name(), Files.readString(FRED.resolve(series.name() + ".csv"))));
        }
        RunoffCalendar calendar = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());
        List<MarketSnapshot> points = FredImport.weekly(files, calendar, LocalDate.of(2018, 1, 1), null, 10_000);
        SeriesJudge.Result result = new SeriesJudge(new DecisionEngine()).judge(ShippedRules.ruleset(), points);
        weekly = new TreeMap<>();
        result.verdicts().forEach(v -> weekly.put(v.asOf(), v));
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
}
