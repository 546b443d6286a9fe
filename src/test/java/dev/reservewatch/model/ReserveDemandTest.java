package dev.reservewatch.model;

import static dev.reservewatch.model.Input.BANK_TOTAL_ASSETS_BN;
import static dev.reservewatch.model.Input.EFFR_PCT;
import static dev.reservewatch.model.Input.IORB_PCT;
import static dev.reservewatch.model.Input.RESERVE_BALANCES_BN;
import static dev.reservewatch.model.Input.TARGET_RANGE_LOW_PCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.MarketTest.Point;

/** The slope of the demand for reserves, fitted on made-up weeks whose slope is known. */
class ReserveDemandTest {

    private static final LocalDate START = LocalDate.of(2025, 5, 7);

    /** Weekly points: reserves from 14% of bank assets down by 0.1 point a week, EFFR-IORB as {@code spread(week)}. */
    private static List<Point> weeks(int count, java.util.function.IntToDoubleFunction spreadBp, double iorbOverFloor) {
        List<Point> points = new ArrayList<>();
        for (int week = 0; week < count; week++) {
            double sharePct = 14.0 - 0.1 * week;
            double iorb = 4.40;
            points.add(Point.of(START.plusWeeks(week).toString(), RESERVE_BALANCES_BN, sharePct * 200,
                    BANK_TOTAL_ASSETS_BN, 20_000, IORB_PCT, iorb, EFFR_PCT, iorb + spreadBp.applyAsDouble(week) / 100,
                    TARGET_RANGE_LOW_PCT, iorb - iorbOverFloor / 100));
        }
        return points;
    }

    private static ReserveDemand.Slope fit(List<Point> points) {
        List<Point> earlier = points.subList(0, points.size() - 1);
        return ReserveDemand.at(History.of(earlier), points.get(points.size() - 1));
    }

    @Test
    void findsTheSlopeOfTheSpreadAgainstReservesShare() {
        // each 0.1 point less of reserves puts 0.2bp on the spread: -2bp per point, with a little noise
        ReserveDemand.Slope slope = fit(weeks(26, week -> -7 + 0.2 * week + (week % 2 == 0 ? 0.05 : -0.05), 25));
        assertThat(slope.bpPerPoint()).isCloseTo(-2.0, within(0.1));
        assertThat(slope.t()).isLessThan(-10);
    }

    @Test
    void aSpreadPinnedWhileReservesMoveIsAFlatSlope() {
        ReserveDemand.Slope slope = fit(weeks(26, week -> -7, 25));
        assertThat(slope.bpPerPoint()).isZero();
        assertThat(slope.t()).isZero();
    }

    @Test
    void aTechnicalAdjustmentOfIorbShiftsTheSpreadWithoutMakingASlope() {
        // IORB cut 5bp against the range in week 13 (as in 2018-06 and 2019-05): the spread jumps, the slope stays flat
        List<Point> points = new ArrayList<>();
        List<Point> before = weeks(13, week -> -7, 25);
        List<Point> after = weeks(26, week -> -2, 20).subList(13, 26);
        points.addAll(before);
        points.addAll(after);
        assertThat(fit(points).bpPerPoint()).isZero();
    }

    @Test
    void isUnknownWithTooFewPoints() {
        assertThat(fit(weeks(ReserveDemand.MIN_POINTS - 1, week -> -7 + 0.2 * week, 25))).isNull();
        assertThat(fit(weeks(ReserveDemand.MIN_POINTS, week -> -7 + 0.2 * week, 25))).isNotNull();
    }
}
