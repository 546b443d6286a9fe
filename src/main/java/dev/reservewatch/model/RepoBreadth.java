package dev.reservewatch.model;

/**
 * How much of the repo market trades at or above a rate, read off SOFR's published volume percentiles: the rate
 * as a function of the volume percentile is taken as linear between (1, SOFR1), (25, SOFR25), (50, SOFR),
 * (75, SOFR75) and (99, SOFR99), and flat beyond them (the lowest 1% traded at SOFR1, the dearest 1% at SOFR99),
 * so the share runs from 0 to 100%.
 * <p>
 * "At or above" counts a stretch of percentiles at exactly the rate as at or above: the share is 100 minus the
 * lowest percentile at which the rate reaches the level. Rates are published to two decimals and IORB often
 * equals a percentile (SOFR99 on 270 of 2,039 days, SOFR on 132); with SOFR25 and SOFR at IORB, 75% of the volume
 * traded at or above it.
 */
public final class RepoBreadth {

    private static final double[] PERCENTILES = { 0, 1, 25, 50, 75, 99, 100 };

    private RepoBreadth() {
    }

    /**
     * The share of the day's SOFR volume that traded at or above {@code level}, in %, rounded to two decimals;
     * unknown when any percentile or the level is, or when the percentiles decrease.
     */
    public static Double shareAtOrAbove(Double level, Double sofr1, Double sofr25, Double sofr, Double sofr75,
            Double sofr99) {
        if (level == null || sofr1 == null || sofr25 == null || sofr == null || sofr75 == null || sofr99 == null
                || sofr1 > sofr25 || sofr25 > sofr || sofr > sofr75 || sofr75 > sofr99) {
            return null;
        }
        double[] rates = { sofr1, sofr1, sofr25, sofr, sofr75, sofr99, sofr99 };
        return UnitFormat.round2(100 - lowestPercentileReaching(level, rates));
    }

    /** The lowest percentile at which the interpolated rate reaches {@code level}: 0 if the lowest rate does. */
    private static double lowestPercentileReaching(double level, double[] rates) {
        if (rates[0] >= level) {
            return 0;
        }
        for (int i = 0; i + 1 < rates.length; i++) {
            if (rates[i] < level && level <= rates[i + 1]) {
                return PERCENTILES[i] + (PERCENTILES[i + 1] - PERCENTILES[i]) * (level - rates[i])
                        / (rates[i + 1] - rates[i]);
            }
        }
        return 100;
    }
}
