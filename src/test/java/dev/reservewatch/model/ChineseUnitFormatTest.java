package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseUnitFormatTest {

    /** The worked examples of the Chinese number convention (rules/README.md): value, unit, as the press writes it. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "219 | $bn | 2190亿美元",
            "2550 | $bn | 2.55万亿美元",
            "42 | $bn | 420亿美元",
            "0.5 | $bn | 5亿美元",
            "1.2 | $bn | 12亿美元",
            "11.1 | $bn | 111亿美元",
            "50.35 | $bn | 503.5亿美元",
            "6540 | $bn | 6.54万亿美元",
            "74.6 | $bn | 746亿美元",
            "6.75 | $bn | 67.5亿美元",
            "2.6 | $bn | 26亿美元",
            "120 | $bn | 1200亿美元",
            "2930 | $bn | 2.93万亿美元",
            "3010 | $bn | 3.01万亿美元",
            "2858.3 | $bn | 2.8583万亿美元",
            "1643 | $bn | 1.643万亿美元",
            "2553.72 | $bn | 2.5537万亿美元",
            "2553.716 | $bn | 2.5537万亿美元",
            "8960 | $bn | 8.96万亿美元",
            "29700 | $bn | 29.7万亿美元",
            "12345.678 | $bn | 12.3457万亿美元",
            "1000 | $bn | 1万亿美元",
            "1000.04 | $bn | 1万亿美元",
            "1000.05 | $bn | 1.0001万亿美元",
            "999.99 | $bn | 9999.9亿美元",
            "999.996 | $bn | 1万亿美元",
            "0.1 | $bn | 1亿美元",
            "0.15 | $bn | 1.5亿美元",
            "0.05 | $bn | 5000万美元",
            "0.004 | $bn | 0美元",
            "0 | $bn | 0美元",
            "-50 | $bn | -500亿美元",
            "-0.5 | $bn | -5亿美元",
            "-1234.56 | $bn | -1.2346万亿美元",
            "9 | bp | 9个基点",
            "0.5 | bp | 0.5个基点",
            "5.5 | bp | 5.5个基点",
            "-3 | bp | -3个基点",
            "-7 | bp | -7个基点",
            "0 | bp | 0个基点",
            "-0.004 | bp | 0个基点",
            "300 | bp | 300个基点",
            "1234.5 | bp | 1,234.5个基点",
            "9.8 | % | 9.8%",
            "91.41 | % | 91.41%",
            "5.35 | % | 5.35%",
            "5.0 | % | 5%",
            "44.8 | % | 44.8%",
            "-6 | % | -6%",
            "-6 | pp | -6个百分点",
            "0.2 | pp | 0.2个百分点",
            "2.4 | plain | 2.4",
            "9 | weeks | 9周",
            "-1.8 | bp/pp | -1.8个基点/百分点"
    })
    void writesFiguresAsTheChinesePressDoes(double value, String unit, String chinese) {
        assertThat(ChineseUnitFormat.format(value, unit)).isEqualTo(chinese);
    }

    @Test
    void showsTheSameAmountAsEnglishBelowATrillion() {
        for (double bn : new double[] { 219, 42, 0.5, 11.1, 50.35, 74.6, 999.99 }) {
            String english = UnitFormat.format(bn, "$bn").replace("$", "").replace("bn", "").replace(",", "");
            String chinese = ChineseUnitFormat.format(bn, "$bn").replace("亿美元", "");
            assertThat(Double.parseDouble(chinese)).isCloseTo(Double.parseDouble(english) * 10, Offset.offset(1e-9));
        }
    }

    @Test
    void writesDifferencesOfPercentagesInPointsAndDatesWithoutLeadingZeros() {
        assertThat(ChineseUnitFormat.formatDifference(0.5, "%")).isEqualTo("0.5个百分点");
        assertThat(ChineseUnitFormat.formatDifference(60, "$bn")).isEqualTo("600亿美元");
        assertThat(ChineseUnitFormat.date(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
    }
}
