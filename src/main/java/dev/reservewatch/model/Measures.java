package dev.reservewatch.model;

/**
 * The two formulas every derived figure is made of, written once: a spread in basis points and a share in percent,
 * each unknown when a part is unknown, and rounded to two decimals as every derived figure is published.
 */
public final class Measures {

    private Measures() {
    }

    /** {@code (rate - reference) * 100}, in bp: EFFR - IORB, SOFR - the top of the target range. */
    public static Double spreadBp(Double ratePct, Double referencePct) {
        return ratePct == null || referencePct == null ? null : UnitFormat.round2((ratePct - referencePct) * 100);
    }

    /** {@code 100 * part / whole}, in %; unknown for a whole that is not positive. */
    public static Double sharePct(Double part, Double whole) {
        return part == null || whole == null || whole <= 0 ? null : UnitFormat.round2(100 * part / whole);
    }
}
