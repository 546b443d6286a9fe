package dev.reservewatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Renders a figure with its unit as the Chinese financial press writes it: amounts in 亿美元 and 万亿美元
 * ({@code $219bn} is {@code 2190亿美元}, {@code $2,550bn} is {@code 2.55万亿美元}), basis points as 个基点, percentages
 * as in English. The same rounding as {@link UnitFormat} (to 0.01 of the figure's own unit), so both languages show
 * the same number; amounts of $1,000bn and more are shown to the nearest 亿美元 ($0.1bn).
 * <p>
 * {@code pp} (个百分点) is the unit of a difference between two percentages: a share that moved by 6 points, or the
 * distance of a {@code %} figure from its line.
 */
public final class ChineseUnitFormat {

    private ChineseUnitFormat() {
    }

    public static String format(double value, String unit) {
        return appendTo(new StringBuilder(24), value, unit).toString();
    }

    /** A difference of a figure in {@code unit}: a difference of percentages is in percentage points. */
    public static String formatDifference(double value, String unit) {
        return format(value, "%".equals(unit) ? "pp" : unit);
    }

    public static StringBuilder appendTo(StringBuilder text, double value, String unit) {
        if (unit == null || unit.isEmpty() || unit.equals("plain")) {
            return text.append(UnitFormat.plain(value));
        }
        return switch (unit) {
            case "%" -> text.append(UnitFormat.plain(value)).append('%');
            case "bp" -> text.append(UnitFormat.plain(value)).append("个基点");
            case "pp" -> text.append(UnitFormat.plain(value)).append("个百分点");
            case "$bn" -> dollars(text, value);
            case "weeks" -> text.append(UnitFormat.plain(value)).append('周');
            case "bp/pp" -> text.append(UnitFormat.plain(value)).append("个基点/百分点");
            default -> text.append(UnitFormat.plain(value)).append(' ').append(unit);
        };
    }

    /** $bn as amounts are written in Chinese: 万美元 under $0.1bn, 亿美元 (one decimal) under $1,000bn, else 万亿美元. */
    private static StringBuilder dollars(StringBuilder text, double bn) {
        if (!Double.isFinite(bn) || Math.abs(bn) >= 1e13) {
            return text.append(BigDecimal.valueOf(bn).movePointLeft(3).setScale(4, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString()).append("万亿美元");
        }
        long hundredths = Math.round(Math.abs(bn) * 100); // as UnitFormat rounds: 1 = $10m = 1000万美元
        if (hundredths == 0) {
            return text.append("0美元");
        }
        if (bn < 0) {
            text.append('-');
        }
        if (hundredths < 10) {
            return text.append(hundredths * 1000).append("万美元");
        }
        if (hundredths < 100_000) {
            text.append(hundredths / 10);
            if (hundredths % 10 != 0) {
                text.append('.').append(hundredths % 10);
            }
            return text.append("亿美元");
        }
        long yi = (hundredths + 5) / 10; // whole 亿, half up
        return text.append(BigDecimal.valueOf(yi, 4).stripTrailingZeros().toPlainString()).append("万亿美元");
    }

    /** A date in a Chinese sentence: {@code 2025年10月24日}. */
    public static String date(java.time.LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
