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

    /**
     * How far back a point's figures reach into its history, in days: the long window with a short one at its start,
     * or the reserve-demand slope's half year held over three weeks, whichever is longer. A backtest that reports
     * from a date loads this much before it, so that its first weeks read what they would with all history.
     */
    public int historyDays() {
        return Math.max(longDays + shortDays, ReserveDemand.WINDOW_DAYS + Trends.HELD_DAYS);
    }
}
