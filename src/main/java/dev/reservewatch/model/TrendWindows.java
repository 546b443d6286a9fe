package dev.reservewatch.model;

/**
 * The two look-back windows trend figures are measured over, in days: short (default 4 weeks) and long
 * (default 13 weeks). A trend compares now with the latest observation on or before the window's start.
 */
public record TrendWindows(int shortDays, int longDays) {

    public static final TrendWindows DEFAULT = new TrendWindows(28, 91);

    public TrendWindows {
        if (shortDays < 1 || longDays < 1) {
            throw new IllegalArgumentException("trend windows must be at least one day");
        }
    }
}
