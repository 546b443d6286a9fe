package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitFormatTest {

    @Test
    void writesFiguresAsAnalystsDo() {
        assertThat(UnitFormat.format(9.8, "%")).isEqualTo("9.8%");
        assertThat(UnitFormat.format(1, "weeks")).isEqualTo("1 week");
        assertThat(UnitFormat.format(6, "weeks")).isEqualTo("6 weeks");
        assertThat(UnitFormat.format(-1.46, "bp/pp")).isEqualTo("-1.46 bp/pp");
        assertThat(UnitFormat.format(9.000000000000341, "bp")).isEqualTo("9bp");
        assertThat(UnitFormat.format(-7.0, "bp")).isEqualTo("-7bp");
        assertThat(UnitFormat.format(219, "$bn")).isEqualTo("$219bn");
        assertThat(UnitFormat.format(2553.716, "$bn")).isEqualTo("$2,553.72bn");
        assertThat(UnitFormat.format(-1234567.5, "$bn")).isEqualTo("-$1,234,567.5bn");
        assertThat(UnitFormat.format(0.004, "%")).isEqualTo("0%");
        assertThat(UnitFormat.format(-0.004, "%")).isEqualTo("0%");
        assertThat(UnitFormat.format(0.05, "%")).isEqualTo("0.05%");
        assertThat(UnitFormat.format(100, "")).isEqualTo("100");
        assertThat(UnitFormat.format(3, "x")).isEqualTo("3 x");
        assertThat(UnitFormat.plain(1e20)).isEqualTo("100000000000000000000");
        assertThat(UnitFormat.plain(999.995)).isEqualTo("1,000");
        assertThat(UnitFormat.plain(1005)).isEqualTo("1,005");
        assertThat(UnitFormat.plain(1_000_000.07)).isEqualTo("1,000,000.07");
        assertThat(UnitFormat.plain(12_040_900)).isEqualTo("12,040,900");
        assertThat(UnitFormat.plain(-999.4)).isEqualTo("-999.4");
    }

    @Test
    void roundsDerivedFiguresToHundredths() {
        assertThat(UnitFormat.round2((5.24 - 5.15) * 100)).isEqualTo(9.0);
        assertThat(UnitFormat.round2(100 * 2930.0 / 6540.0)).isEqualTo(44.8);
    }

    @Test
    void aFigureThatIsNotANumberIsUnknownNeverAnException() {
        for (double value : new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN }) {
            assertThat(Double.compare(UnitFormat.round2(value), value)).as("%s comes back as it is", value).isZero();
            assertThat(UnitFormat.format(value, "%")).isEqualTo("unknown");
            assertThat(UnitFormat.format(value, "$bn")).isEqualTo("unknown");
            assertThat(UnitFormat.plain(value)).isEqualTo("unknown");
            assertThat(Measures.known(value)).isNull();
        }
        assertThat(UnitFormat.format(Double.MAX_VALUE, "bp")).endsWith("bp").doesNotContain("E");
    }
}
