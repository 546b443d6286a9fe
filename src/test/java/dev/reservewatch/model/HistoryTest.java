package dev.reservewatch.model;

import static dev.reservewatch.model.Input.EFFR_PCT;
import static dev.reservewatch.model.Input.IORB_PCT;
import static dev.reservewatch.model.Input.ON_RRP_BALANCE_BN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.MarketTest.Point;

/** The indexed history: points in date order, window bounds by binary search, spread sums in O(1). */
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
}
