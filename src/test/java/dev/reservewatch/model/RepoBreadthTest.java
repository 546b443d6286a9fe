package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The share of repo volume at or above IORB, read off SOFR's percentiles, on days whose answer can be checked by hand. */
class RepoBreadthTest {

    @Test
    void readsTheShareLinearlyBetweenThePublishedPercentiles() {
        // 2026-03-10: 3.60/3.62/3.64/3.70/3.72 against IORB 3.65: a sixth of the way from the median to the 75th
        assertThat(RepoBreadth.shareAtOrAbove(3.65, 3.60, 3.62, 3.64, 3.70, 3.72)).isEqualTo(45.83);
        // 2019-09-17: every percentile above IOER 2.10: all of the volume
        assertThat(RepoBreadth.shareAtOrAbove(2.10, 2.25, 5.00, 5.25, 5.85, 9.00)).isEqualTo(100.0);
        // 2021-12-29: only the dearest 1% reached IORB 0.15
        assertThat(RepoBreadth.shareAtOrAbove(0.15, -0.02, 0.02, 0.05, 0.05, 0.15)).isEqualTo(1.0);
        assertThat(RepoBreadth.shareAtOrAbove(5.00, 4.00, 4.10, 4.20, 4.30, 4.40)).as("nothing reaches it").isZero();
    }

    @Test
    void countsAStretchAtExactlyTheLevelAsAtOrAbove() {
        // SOFR25 and SOFR at IORB: from the 25th percentile up, 75% of the volume traded at or above it
        assertThat(RepoBreadth.shareAtOrAbove(4.15, 4.10, 4.15, 4.15, 4.20, 4.30)).isEqualTo(75.0);
    }

    @Test
    void isUnknownWithoutEveryPercentileOrWhenTheyAreOutOfOrder() {
        assertThat(RepoBreadth.shareAtOrAbove(4.15, 4.10, null, 4.15, 4.20, 4.30)).isNull();
        assertThat(RepoBreadth.shareAtOrAbove(null, 4.10, 4.12, 4.15, 4.20, 4.30)).isNull();
        assertThat(RepoBreadth.shareAtOrAbove(4.15, 4.10, 4.20, 4.15, 4.20, 4.30)).isNull();
    }
}
