package dev.reservewatch.model;

import static dev.reservewatch.model.Input.ON_RRP_BALANCE_BN;
import static dev.reservewatch.model.Input.ON_RRP_PEAK_BN;
import static dev.reservewatch.model.Input.SRF_TAKEUP_BN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.MarketTest.Point;

/** Figures held over three weeks, the standing repo facility's routine use, and the days repo pays a premium on. */
class HeldFiguresTest {

    private static Market judged(Point now, Point... earlier) {
        return Market.of(now, History.of(List.of(earlier)), TrendWindows.DEFAULT);
    }

    @Test
    void aSingleWeekPastALineMovesNothingThatIsHeld() {
        // 2025-04-30: ON RRP at $250.6bn for one week between $171.8bn and $154.9bn
        Market market = judged(Point.of("2025-05-07", ON_RRP_BALANCE_BN, 154.9, ON_RRP_PEAK_BN, 2554),
                Point.of("2025-04-23", ON_RRP_BALANCE_BN, 171.8), Point.of("2025-04-30", ON_RRP_BALANCE_BN, 250.6));
        assertThat(market.getOnRrpBalanceBn()).isEqualTo(154.9);
        assertThat(market.getOnRrpBalanceHeldBn()).as("the median of 154.9, 250.6, 171.8").isEqualTo(171.8);
        Market spike = judged(Point.of("2025-04-30", ON_RRP_BALANCE_BN, 250.6, ON_RRP_PEAK_BN, 2554),
                Point.of("2025-04-16", ON_RRP_BALANCE_BN, 160), Point.of("2025-04-23", ON_RRP_BALANCE_BN, 171.8));
        assertThat(spike.getOnRrpBalanceHeldBn()).as("the week of the spike itself").isEqualTo(171.8);
        assertThat(spike.getOnRrpDrawdownHeldPct()).isEqualTo(93.27);
    }

    @Test
    void withoutThreeWeeksTheHeldFigureIsTheFigureNow() {
        assertThat(judged(Point.of("2025-05-07", ON_RRP_BALANCE_BN, 154.9)).getOnRrpBalanceHeldBn()).isEqualTo(154.9);
        assertThat(judged(Point.of("2025-05-07", ON_RRP_BALANCE_BN, 154.9), Point.of("2025-04-30", ON_RRP_BALANCE_BN, 250.6))
                .getOnRrpBalanceHeldBn()).isEqualTo(154.9);
    }

    @Test
    void countsTheOrdinaryWeeksTheStandingRepoFacilityWasUsedIn() {
        // 2025-10-15 $6.75bn and 10-22 $8.35bn: ordinary weeks; 10-01 holds the quarter end: left out
        Market market = judged(Point.of("2025-10-29", SRF_TAKEUP_BN, 10.3), Point.of("2025-10-01", SRF_TAKEUP_BN, 6.0),
                Point.of("2025-10-15", SRF_TAKEUP_BN, 6.75), Point.of("2025-10-22", SRF_TAKEUP_BN, 8.35),
                Point.of("2025-10-08", SRF_TAKEUP_BN, 0.1));
        assertThat(market.getSrfRoutineWeeks()).isEqualTo(3.0);
        assertThat(judged(Point.of("2025-10-29")).getSrfRoutineWeeks()).as("take-up not given: unknown").isNull();
    }

    @Test
    void knowsTheDaysRepoPaysAPremiumOnFromTheCalendarAlone() {
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 10, 31))).as("a month's last weekday").isTrue();
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 11, 3))).as("the first weekday of November").isTrue();
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 9, 15))).as("a quarterly tax date").isTrue();
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 6, 16))).as("the 15th on a Sunday: the Monday").isTrue();
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 10, 15))).as("the 15th of October").isFalse();
        assertThat(PeriodEnds.isPremiumDay(LocalDate.of(2025, 11, 1))).as("a Saturday").isFalse();
    }
}
