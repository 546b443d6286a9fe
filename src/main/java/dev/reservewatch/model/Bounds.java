package dev.reservewatch.model;

/**
 * The values a snapshot figure may take: a lower and an upper bound, each inclusive or not. A value outside is
 * refused with a 400 that names the field and these bounds; inside them every figure the rules derive stays finite.
 */
public record Bounds(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** From {@code min} up, {@code min} included, and at most {@code max}. */
    public static Bounds between(double min, double max) {
        return new Bounds(min, true, max, true);
    }

    /** Above {@code min}, {@code min} excluded, and at most {@code max}. */
    public static Bounds above(double min, double max) {
        return new Bounds(min, false, max, true);
    }

    public boolean contains(double value) {
        return (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max);
    }

    /** From {@code min} up, {@code min} included, with no upper bound. */
    public static Bounds atLeast(double min) {
        return new Bounds(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** Above {@code min}, with no upper bound. */
    public static Bounds above(double min) {
        return new Bounds(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** The bounds as a person reads them: {@code "from 0 to 20,000"}, {@code "above 0, at most 200,000"}. */
    public String describe() {
        if (max == Double.POSITIVE_INFINITY) {
            return (minInclusive ? "at least " : "above ") + plain(min);
        }
        String from = (minInclusive ? "from " : "above ") + plain(min);
        return minInclusive && maxInclusive ? from + " to " + plain(max)
                : from + ", " + (maxInclusive ? "at most " : "below ") + plain(max);
    }

    /**
     * A hint for a value more than ten times above the bounds that would fit them divided by a thousand: a figure
     * in $bn sent in millions (FRED publishes the Fed's balance sheet in millions), or empty.
     */
    public String unitHint(double value, Unit unit) {
        return unit == Unit.BILLIONS && Double.isFinite(max) && value > 10 * max && contains(value / 1000)
                ? "; the field is in $bn: is it in millions? divide by 1,000" : "";
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
