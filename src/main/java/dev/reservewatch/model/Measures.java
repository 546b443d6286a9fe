package dev.reservewatch.model;

/**
 * The formulas every derived figure is made of, written once: a spread in basis points, a share in percent and a
 * drawdown from a peak, each unknown when a part is unknown or when the figure would mean nothing (a share of less
 * than $1bn, a drawdown from a peak under $1bn), and rounded to two decimals as every derived figure is published.
 * A figure that would not be a finite number is unknown too ({@link #known}): within the snapshot's bounds
 * ({@link Input}) none is, and no input can make one infinite.
 */
public final class Measures {

    /** The smallest whole, in $bn, that a share or a drawdown is measured against. */
    public static final double MIN_BASE_BN = 1;

    private Measures() {
    }

    /** {@code (rate - reference) * 100}, in bp: EFFR - IORB, SOFR - the top of the target range. */
    public static Double spreadBp(Double ratePct, Double referencePct) {
        return ratePct == null || referencePct == null ? null : known((ratePct - referencePct) * 100);
    }

    /** {@code 100 * part / whole}, in %; unknown for a whole under {@link #MIN_BASE_BN}. */
    public static Double sharePct(Double part, Double whole) {
        return part == null || whole == null || !(whole >= MIN_BASE_BN) ? null : known(100 * part / whole);
    }

    /**
     * How far {@code now} sits below {@code peak}, in % of the peak (0 at or above it); unknown for a peak under
     * {@link #MIN_BASE_BN}: a 100% drawdown from a few million dollars says nothing of a buffer.
     */
    public static Double drawdownPct(Double peak, Double now) {
        return peak == null || now == null || !(peak >= MIN_BASE_BN) ? null
                : known(Math.max(0, 100 * (peak - now) / peak));
    }

    /** A derived value rounded to two decimals, or unknown (null) when it is not a finite number. */
    public static Double known(double value) {
        return Double.isFinite(value) ? UnitFormat.round2(value) : null;
    }
}
