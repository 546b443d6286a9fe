package dev.reservewatch.model;

import static dev.reservewatch.model.Input.EFFR_PCT;
import static dev.reservewatch.model.Input.IORB_PCT;
import static dev.reservewatch.model.Input.ON_RRP_BALANCE_BN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.MarketTest.Point;

/**
 * The indexed history: points in date order, window bounds found from the latest point back, spread sums in O(1), and
 * what is read of each point once (its calendar, the figures windows read) the same as reading it afresh.
 */
class HistoryTest {

    private final History history = History.of(List.of(
            Point.of("2025-10-15", EFFR_PCT, 4.12, IORB_PCT, 4.15, ON_RRP_BALANCE_BN, 30),
            Point.of("2025-10-01", EFFR_PCT, 4.10, IORB_PCT, 4.15, ON_RRP_BALANCE_BN, 50),
            Point.of("2025-10-08", IORB_PCT, 4.15, ON_RRP_BALANCE_BN, 20)));

    @Test
    void sortsThePointsByDate() {
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).asOf()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(history.get(2).asOf()).isEqualTo(LocalDate.of(2025, 10, 15));
    }

    @Test
    void findsTheLatestPointOnOrBeforeADay() {
        assertThat(history.latestOnOrBefore(LocalDate.of(2025, 9, 30))).isEqualTo(-1);
        assertThat(history.latestOnOrBefore(LocalDate.of(2025, 10, 1))).isZero();
        assertThat(history.latestOnOrBefore(LocalDate.of(2025, 10, 10))).isEqualTo(1);
        assertThat(history.latestOnOrBefore(LocalDate.of(2026, 1, 1))).isEqualTo(2);
    }

    @Test
    void sumsASpreadOverAWindowSkippingUnknownPoints() {
        // (after -1, up to 2]: -5bp and -3bp; 2025-10-08 has no EFFR
        assertThat(history.spreadSum(History.Spread.EFFR, -1, 2)).isEqualTo(-8.0);
        assertThat(history.spreadCount(History.Spread.EFFR, -1, 2)).isEqualTo(2);
        assertThat(history.spreadCount(History.Spread.EFFR, 0, 1)).isZero();
    }

    @Test
    void aViewUpToAPointSeesOnlyThePointsBeforeIt() {
        History firstTwo = history.upTo(2);
        assertThat(firstTwo.size()).isEqualTo(2);
        assertThat(firstTwo.onRrpPeak()).isEqualTo(50.0);
        assertThat(history.upTo(0).isEmpty()).isTrue();
        assertThatThrownBy(() -> history.upTo(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(History.EMPTY.onRrpPeak()).isNull();
    }

    /** Points on random days, 1 to 20 days apart, with figures that come and go; a third of the days on weekends. */
    private static List<Point> scattered(Random random, int count) {
        List<Point> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2019, 12, 20);
        for (int i = 0; i < count; i++) {
            day = day.plusDays(1 + random.nextInt(20));
            points.add(random.nextInt(5) == 0 ? Point.of(day.toString(), IORB_PCT, 4.15)
                    : Point.of(day.toString(), EFFR_PCT, 4.0 + random.nextDouble() / 4, IORB_PCT, 4.15,
                            Input.TARGET_RANGE_LOW_PCT, random.nextBoolean() ? 4.0 : 4.1,
                            Input.RESERVE_BALANCES_BN, 3000 + random.nextInt(400), Input.BANK_TOTAL_ASSETS_BN, 23_000));
        }
        return points;
    }

    @Test
    void findsTheLatestPointOnOrBeforeEveryDayAsAScanWould() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            History all = History.of(scattered(random, 1 + random.nextInt(120)));
            for (int size = 0; size <= all.size(); size++) {
                History view = all.upTo(size);
                long first = all.get(0).asOf().toEpochDay() - 3;
                long last = all.get(all.size() - 1).asOf().toEpochDay() + 3;
                for (long day = first; day <= last; day++) {
                    int scan = -1;
                    for (int i = 0; i < view.size(); i++) {
                        if (view.get(i).asOf().toEpochDay() <= day) {
                            scan = i;
                        }
                    }
                    assertThat(view.latestOnOrBefore(day)).as("day %d in a view of %d", day, size).isEqualTo(scan);
                }
            }
        }
    }

    @Test
    void readsEachPointsCalendarAndFiguresOnceAsTheyAreAfresh() {
        History all = History.of(scattered(new Random(5), 400));
        for (int pass = 0; pass < 2; pass++) { // the second pass reads what the first kept
            for (int i = 0; i < all.size(); i++) {
                Observation point = all.get(i);
                assertThat(all.weekHoldsPeriodEnd(i)).isEqualTo(PeriodEnds.weekHoldsOne(point.asOf()));
                assertThat(all.isPremiumDay(i)).isEqualTo(PeriodEnds.isPremiumDay(point.asOf()));
                assertThat(all.epochDay(i)).isEqualTo(point.asOf().toEpochDay());
                for (History.PointFigure figure : History.PointFigure.values()) {
                    Double fresh = figure.of(point);
                    // boxed, so that NaN (unknown) equals NaN
                    assertThat(Double.valueOf(all.upTo(i + 1).figure(figure, i))).as("%s at %s", figure, point.asOf())
                            .isEqualTo(fresh == null ? Double.valueOf(Double.NaN) : fresh);
                }
            }
        }
        assertThatThrownBy(() -> all.upTo(3).figure(History.PointFigure.EFFR_IORB_SPREAD_BP, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aViewKnowsThePointOfItsSeriesThatComesNext() {
        List<Point> points = scattered(new Random(3), 5);
        History all = History.ofSorted(points);
        assertThat(all.upTo(2).indexOf(points.get(2))).isEqualTo(2);
        assertThat(all.upTo(2).indexOf(points.get(3))).isEqualTo(-1);
        assertThat(all.indexOf(points.get(4))).as("past the series' end").isEqualTo(-1);
        assertThat(History.of(points.subList(0, 2)).indexOf(points.get(2))).as("a history of its own").isEqualTo(-1);
    }
}
