package dev.reservewatch.model;

/** The unit of a figure, as the field names spell it ({@code Bn}, {@code Pct}, {@code Bp}) and as texts write it. */
public enum Unit {
    /** Billions of US dollars: {@code $219bn}. */
    BILLIONS("$bn"),
    /** Percent: 5.25 means 5.25%. */
    PERCENT("%"),
    /** Basis points, hundredths of a percentage point: {@code 9bp}. */
    BASIS_POINTS("bp"),
    /** A count of weeks: {@code 3 weeks}. */
    WEEKS("weeks"),
    /** Basis points of a spread per percentage point of a share: the slope of a demand curve. */
    BASIS_POINTS_PER_POINT("bp/pp");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** How texts and verdicts write the unit: {@code $bn}, {@code %}, {@code bp}. */
    public String symbol() {
        return symbol;
    }
}
