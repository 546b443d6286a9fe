package dev.reservewatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Renders a figure with its unit the way an analyst writes it: {@code 9.8%}, {@code 9bp}, {@code $219bn}. */
public final class UnitFormat {
    private UnitFormat() {
    }

    /** What a figure that is not a finite number is written as: it is unknown. */
    static final String UNKNOWN = "unknown";

    /**
     * Rounds to two decimals, the precision every derived figure is published at. A value that is not finite comes
     * back as it is: the figures treat it as unknown ({@link Measures#known}).
     */
    public static double round2(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return Math.abs(value) < 1e13 ? Math.round(value * 100) / 100.0
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    public static String format(double value, String unit) {
        return appendTo(new StringBuilder(24), value, unit).toString();
    }

    /** {@link #format} into a builder, without the intermediate strings; a value that is not finite is unknown. */
    public static StringBuilder appendTo(StringBuilder text, double value, String unit) {
        if (!Double.isFinite(value)) {
            return text.append(UNKNOWN);
        }
        if (unit == null || unit.isEmpty()) {
            return appendPlain(text, value);
        }
        return switch (unit) {
            case "%", "bp" -> appendPlain(text, value).append(unit);
            case "$bn" -> value < 0 ? appendPlain(text.append("-$"), -value).append("bn")
                    : appendPlain(text.append('$'), value).append("bn");
            case "weeks" -> appendPlain(text, value).append(Math.abs(value) == 1 ? " week" : " weeks");
            default -> appendPlain(text, value).append(' ').append(unit);
        };
    }

    /** At most two decimals, no trailing zeros, thousands grouped: {@code 2,553.72}, {@code 9.8}, {@code 0}. */
    public static String plain(double value) {
        return appendPlain(new StringBuilder(24), value).toString();
    }

    private static StringBuilder appendPlain(StringBuilder text, double value) {
        if (!Double.isFinite(value)) {
            return text.append(UNKNOWN);
        }
        if (Math.abs(value) >= 1e13) {
            return text.append(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString());
        }
        // hand-rolled: this runs for every figure of every signal message, and DecimalFormat is slow
        long hundredths = Math.round(Math.abs(value) * 100);
        if (value < 0 && hundredths != 0) {
            text.append('-');
        }
        long whole = hundredths / 100;
        // thousands groups, most significant first, each but the first padded to three digits
        long scale = 1;
        while (scale <= whole / 1000) {
            scale *= 1000;
        }
        text.append(whole / scale);
        for (scale /= 1000; scale > 0; scale /= 1000) {
            long group = whole / scale % 1000;
            text.append(',').append(group < 100 ? (group < 10 ? "00" : "0") : "").append(group);
        }
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
        return text;
    }
}
