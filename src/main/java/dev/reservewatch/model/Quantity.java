package dev.reservewatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Renders a figure with its unit the way an analyst writes it: {@code 9.8%}, {@code 9bp}, {@code $219bn}. */
public final class Quantity {
    private Quantity() {
    }

    /** Rounds to two decimals, the precision every derived figure is published at. */
    public static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
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
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return FORMAT.get().format(value == 0 ? 0.0 : value);
    }

    private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    });
}
