package dev.reservewatch.model;

import static dev.reservewatch.model.Input.BANK_TOTAL_ASSETS_BN;
import static dev.reservewatch.model.Input.EFFR_PCT;
import static dev.reservewatch.model.Input.FED_TOTAL_ASSETS_BN;
import static dev.reservewatch.model.Input.IORB_PCT;
import static dev.reservewatch.model.Input.ON_RRP_BALANCE_BN;
import static dev.reservewatch.model.Input.ON_RRP_PEAK_BN;
import static dev.reservewatch.model.Input.RESERVE_BALANCES_BN;
import static dev.reservewatch.model.Input.SOFR_PCT;
import static dev.reservewatch.model.Input.SRF_TAKEUP_BN;
import static dev.reservewatch.model.Input.TARGET_RANGE_HIGH_PCT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The figures the fact derives, on small hand-made points whose answers can be worked out on paper. */
class MarketTest {

    private static final TrendWindows WINDOWS = TrendWindows.DEFAULT;

    /** A point with the given figures, no runoff said. */
    record Point(LocalDate asOf, Map<Input, Double> values) implements Observation {

        static Point of(String day, Object... inputsAndValues) {
            Map<Input, Double> values = new EnumMap<>(Input.class);
            for (int i = 0; i < inputsAndValues.length; i += 2) {
                values.put((Input) inputsAndValues[i], ((Number) inputsAndValues[i + 1]).doubleValue());
            }
            return new Point(LocalDate.parse(day), values);
        }

        @Override
        public Double value(Input input) {
            return values.get(input);
        }

        @Override
        public Boolean runoffActive() {
            return null;
        }

        @Override
        public Double runoffTreasuryCapBn() {
            return null;
        }

        @Override
        public Double runoffMbsCapBn() {
            return null;
        }

        @Override
        public Boolean purchasesActive() {
            return null;
        }
    }

    private static Market alone(Point point) {
        return Market.of(point, History.EMPTY, WINDOWS);
    }

    @Test
    void spreadsAndSharesComeFromTheirTwoInputs() {
        Market market = alone(Point.of("2025-10-22", EFFR_PCT, 4.11, SOFR_PCT, 4.21, IORB_PCT, 4.15,
                TARGET_RANGE_HIGH_PCT, 4.25, RESERVE_BALANCES_BN, 2933, FED_TOTAL_ASSETS_BN, 6590,
                BANK_TOTAL_ASSETS_BN, 23_300));
        assertThat(market.getEffrIorbSpreadBp()).isEqualTo(-4.0);
        assertThat(market.getSofrIorbSpreadBp()).isEqualTo(6.0);
        assertThat(market.getSofrAboveCeilingBp()).isEqualTo(-4.0);
        assertThat(market.getReservesToAssetsPct()).isEqualTo(44.51);
        assertThat(market.getReservesToBankAssetsPct()).isEqualTo(12.59);
        assertThat(market.getReservesToBankAssetsAvgShortPct()).as("without history: the share itself")
                .isEqualTo(12.59);
    }

    @Test
    void aFigureIsUnknownWhenAnInputIsAndNeverZero() {
        Market market = alone(Point.of("2025-10-22", EFFR_PCT, 4.11, RESERVE_BALANCES_BN, 2933));
        assertThat(market.getEffrIorbSpreadBp()).isNull();
        assertThat(market.getReservesToAssetsPct()).isNull();
        assertThat(market.getOnRrpDrawdownPct()).as("no peak and no history to take one from").isNull();
        assertThat(market.getReservesChangeLongBn()).as("no history").isNull();
        assertThat(market.getRunoffMonthlyCapBn()).isNull();
    }

    @Test
    void theOnRrpPeakIsTheOneGivenElseTheHighestBalanceInHistoryAndNow() {
        Point now = Point.of("2025-10-22", ON_RRP_BALANCE_BN, 50);
        assertThat(alone(Point.of("2025-10-22", ON_RRP_BALANCE_BN, 50, ON_RRP_PEAK_BN, 2000)).getOnRrpDrawdownPct())
                .isEqualTo(97.5);
        History history = History.of(List.of(Point.of("2025-09-03", ON_RRP_BALANCE_BN, 400),
                Point.of("2025-10-01", ON_RRP_BALANCE_BN, 200)));
        Market market = Market.of(now, history, WINDOWS);
        assertThat(market.getOnRrpPeakBn()).isEqualTo(400.0);
        assertThat(market.getOnRrpDrawdownPct()).isEqualTo(87.5);
        // the window starts at the latest point on or before 28 days back, 2025-09-03, whose 400 is its high
        assertThat(market.getOnRrpDrawdownShortPct()).isEqualTo(87.5);
        assertThat(Market.of(now, History.of(List.of(Point.of("2025-09-24", ON_RRP_BALANCE_BN, 200))), WINDOWS)
                .getOnRrpDrawdownShortPct()).isEqualTo(75.0);
    }

    @Test
    void spreadAveragesTakeTheShortWindowAndChangesCompareWithItsStart() {
        List<Point> weeks = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 7, 2);
        for (int week = 0; week < 14; week++) {
            // EFFR - IORB from -10bp rising 1bp a week
            weeks.add(Point.of(day.plusWeeks(week).toString(), EFFR_PCT, 4.23 + week / 100.0, IORB_PCT, 4.33));
        }
        Point now = weeks.remove(weeks.size() - 1); // 2025-10-01: +3bp
        Market market = Market.of(now, History.of(weeks), WINDOWS);
        assertThat(market.getEffrIorbSpreadBp()).isEqualTo(3.0);
        // now and the 3 weeks within (now - 28 days, now]: 3, 2, 1, 0
        assertThat(market.getEffrIorbSpreadAvgShortBp()).isEqualTo(1.5);
        // 13 weeks earlier the average was -10, -11, -12... not there: the window starts at the first point
        assertThat(market.getEffrIorbSpreadChangeLongBp()).isGreaterThan(0);
        assertThat(market.getEffrIorbSpreadChangeShortBp()).isEqualTo(4.0);
    }

    @Test
    void aPeriodEndWeekNeedsTheSpikeToHaveShownOnAnOrdinaryWeekBefore() {
        // 2025-10-01 holds the September quarter end; 2025-09-24 holds the 15th? no, 2025-09-17 does
        History history = History.of(List.of(Point.of("2025-09-10", SRF_TAKEUP_BN, 0.1),
                Point.of("2025-09-24", SRF_TAKEUP_BN, 6.0)));
        Market market = Market.of(Point.of("2025-10-01", SRF_TAKEUP_BN, 6.0), history, WINDOWS);
        assertThat(market.isPeriodEndWeek()).isTrue();
        assertThat(market.getSrfTakeupPriorHighBn()).as("2025-09-24 is an ordinary week").isEqualTo(6.0);
        Market quiet = Market.of(Point.of("2025-10-01", SRF_TAKEUP_BN, 6.0),
                History.of(List.of(Point.of("2025-09-10", SRF_TAKEUP_BN, 0.1))), WINDOWS);
        assertThat(quiet.getSrfTakeupPriorHighBn()).isEqualTo(0.1);
        assertThat(alone(Point.of("2025-10-08")).isPeriodEndWeek()).isFalse();
        assertThat(alone(Point.of("2025-10-31")).getDaysToMonthEnd()).isZero();
    }
}
