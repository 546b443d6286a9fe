package dev.reservewatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Renders a figure with its unit the way an analyst writes it: {@code 9.8%}, {@code 9bp}, {@code $219bn}. */
public final class Quantity {
    private Quantity() {
    }

    /** Rounds to two decimals, the precision every derived figure is published at. */
    public static double round2(double value) {
        return Math.abs(value) < 1e13 ? Math.round(value * 100) / 100.0
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    public static String format(double value, String unit) {
        String number = plain(value);
        if (unit == null || unit.isEmpty()) {
            return number;
        }
        return switch (unit) {
            case "%", "bp" -> number + unit;
            case "$bn" -> value < 0 ? "-$" + plain(-value) + "bn" : "$" + number + "bn";
            default -> number + " " + unit;
        };
    }

    /** At most two decimals, no trailing zeros, thousands grouped: {@code 2,553.72}, {@code 9.8}, {@code 0}. */
    public static String plain(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e13) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        // hand-rolled: this runs for every figure of every signal message, and DecimalFormat is slow
        long hundredths = Math.round(Math.abs(value) * 100);
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && hundredths != 0) {
            text.append('-');
        }
        String whole = Long.toString(hundredths / 100);
        int firstGroup = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        text.append(whole, 0, firstGroup);
        for (int i = firstGroup; i < whole.length(); i += 3) {
            text.append(',').append(whole, i, i + 3);
        }
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
        return text.toString();
    }
}
