package dev.reservewatch.model;

import java.time.LocalDate;

/**
 * The slope of the demand for reserves, as the New York Fed reads it (Staff Report 1019, "Reserve Demand
 * Elasticity"): how far the fed funds spread to IORB moves for a percentage point of reserves against the banks'
 * assets. Near zero while reserves are abundant; negative once rates respond to reserves.
 * <p>
 * Estimated over a window of weekly points as an ordinary least-squares slope of {@code effrIorbSpreadBp} on
 * {@code reservesToBankAssetsPct}, with an intercept of its own for each administered-rate setting (IORB against the
 * bottom of the target range: a technical adjustment of IORB, as in 2018-06, 2018-12, 2019-05, 2020-03 or 2021-06,
 * shifts the spread without any change in scarcity). In bp per percentage point, with its t-statistic; unknown with
 * fewer than {@link #MIN_POINTS} points or no spread of reserves in the window. Spreads and shares trend together,
 * so the t-statistic is a filter against a slope resting on one or two odd weeks, not a test.
 */
public final class ReserveDemand {

    /** The window, in days: about half a year of weekly points. */
    public static final int WINDOW_DAYS = 182;
    /** The fewest points with both figures known that the slope is fitted on. */
    public static final int MIN_POINTS = 18;
    /** The t-statistic's bound: a slope fitted exactly is no less uncertain than this. */
    private static final double MAX_T = 99;

    /** A fitted slope, bp per percentage point, and its t-statistic. */
    public record Slope(double bpPerPoint, double t) {
    }

    private ReserveDemand() {
    }

    /**
     * The slope over the window ending at {@code now}: the history's points in (now - window, now) and {@code now}
     * itself (a history point dated as {@code now} is left out, as {@code now} stands for it).
     */
    static Slope at(History history, Observation now) {
        LocalDate day = now.asOf();
        int first = history.latestOnOrBefore(day.minusDays(WINDOW_DAYS)) + 1;
        int last = history.latestOnOrBefore(day.minusDays(1));
        Fit fit = new Fit(Math.max(0, last - first + 2));
        for (int i = first; i <= last; i++) {
            fit.add(history.get(i));
        }
        fit.add(now);
        return fit.slope();
    }

    /** The slope at the history's point {@code index}, over its own window of the points before it. */
    static Slope atPoint(History history, int index) {
        return at(history.upTo(index), history.get(index));
    }

    /** The points of one window, in date order, each with its segment (administered-rate setting). */
    private static final class Fit {
        private final double[] xs;
        private final double[] ys;
        private final int[] segments;
        private int n;
        private int segment = -1;
        private Long setting;
        private boolean first = true;

        Fit(int capacity) {
            xs = new double[capacity];
            ys = new double[capacity];
            segments = new int[capacity];
        }

        void add(Observation point) {
            Double y = Measures.spreadBp(point.value(Input.EFFR_PCT), point.value(Input.IORB_PCT));
            Double x = Measures.sharePct(point.value(Input.RESERVE_BALANCES_BN), point.value(Input.BANK_TOTAL_ASSETS_BN));
            if (x == null || y == null || n == xs.length) {
                return;
            }
            Double iorb = point.value(Input.IORB_PCT);
            Double floor = point.value(Input.TARGET_RANGE_LOW_PCT);
            Long pointSetting = floor == null ? null : Math.round((iorb - floor) * 100);
            if (first || !java.util.Objects.equals(pointSetting, setting)) {
                segment++;
                setting = pointSetting;
                first = false;
            }
            xs[n] = x;
            ys[n] = y;
            segments[n] = segment;
            n++;
        }

        Slope slope() {
            int groups = segment + 1;
            int dof = n - groups - 1;
            if (n < MIN_POINTS || dof < 1) {
                return null;
            }
            double[] meanX = new double[groups];
            double[] meanY = new double[groups];
            int[] count = new int[groups];
            for (int i = 0; i < n; i++) {
                meanX[segments[i]] += xs[i];
                meanY[segments[i]] += ys[i];
                count[segments[i]]++;
            }
            for (int g = 0; g < groups; g++) {
                meanX[g] /= count[g];
                meanY[g] /= count[g];
            }
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                double dx = xs[i] - meanX[segments[i]];
                sxx += dx * dx;
                sxy += dx * (ys[i] - meanY[segments[i]]);
            }
            if (sxx <= 1e-12) {
                return null;
            }
            double b = sxy / sxx;
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double residual = ys[i] - meanY[segments[i]] - b * (xs[i] - meanX[segments[i]]);
                rss += residual * residual;
            }
            double se = Math.sqrt(rss / dof / sxx);
            double t = se > 0 ? b / se : b == 0 ? 0 : Math.copySign(MAX_T, b);
            return new Slope(UnitFormat.round2(b), UnitFormat.round2(Math.max(-MAX_T, Math.min(MAX_T, t))));
        }
    }
}
