package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuresTest {

    @Test
    void aShareOrADrawdownOfLessThanABillionIsUnknown() {
        assertThat(Measures.sharePct(2933.0, 6540.0)).isEqualTo(44.85);
        assertThat(Measures.sharePct(2933.0, 0.999)).isNull();
        assertThat(Measures.sharePct(2933.0, 1e-320)).isNull();
        assertThat(Measures.sharePct(2933.0, 0.0)).isNull();
        assertThat(Measures.drawdownPct(2553.72, 4.0)).isEqualTo(99.84);
        assertThat(Measures.drawdownPct(0.5, 0.0)).as("a peak of half a billion is no buffer").isNull();
        assertThat(Measures.drawdownPct(1.0, 5.0)).as("above the peak: no drawdown").isEqualTo(0.0);
    }

    @Test
    void theExtremesOfTheBoundsGiveFiniteFigures() {
        double most = Input.NOMINAL_GDP_BN.bounds().max();
        assertThat(Measures.sharePct(most, Measures.MIN_BASE_BN)).isEqualTo(20_000_000.0);
        assertThat(Measures.spreadBp(100.0, -10.0)).isEqualTo(11_000.0);
        assertThat(Measures.drawdownPct(Input.ON_RRP_PEAK_BN.bounds().max(), 0.0)).isEqualTo(100.0);
    }

    @Test
    void aValueBeyondADoubleIsUnknown() {
        assertThat(Measures.sharePct(Double.MAX_VALUE, 1.0)).isNull();
        assertThat(Measures.spreadBp(1e307, -1e307)).isNull();
        assertThat(Measures.known(1e300)).isEqualTo(1e300);
    }
}
