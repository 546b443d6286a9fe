package dev.reservewatch.model;

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
        long day = now.asOf().toEpochDay();
        int first = history.latestOnOrBefore(day - WINDOW_DAYS) + 1;
        int last = history.latestOnOrBefore(day - 1);
        return new Window(history, first, last, now).slope();
    }

    private static final History.PointFigure SHARE = History.PointFigure.RESERVES_TO_BANK_ASSETS_PCT;
    private static final History.PointFigure SPREAD = History.PointFigure.EFFR_IORB_SPREAD_BP;
    private static final History.PointFigure SETTING = History.PointFigure.IORB_OVER_RANGE_FLOOR_BP;

    /**
     * The points of one window, in date order: the history's points {@code first} to {@code last}, then {@code now}.
     * Those with both figures known are fitted, each with its segment (a run of one administered-rate setting). Read
     * in place, pass after pass, from the figures the history keeps of each point: nothing is copied.
     */
    private static final class Window {
        private final History history;
        private final int first;
        private final int size;
        private final double nowX;
        private final double nowY;
        private final double nowSetting;

        Window(History history, int first, int last, Observation now) {
            this.history = history;
            this.first = first;
            this.size = Math.max(0, last - first + 1) + 1;
            this.nowX = known(SHARE.of(now));
            this.nowY = known(SPREAD.of(now));
            this.nowSetting = known(SETTING.of(now));
        }

        private static double known(Double value) {
            return value == null ? Double.NaN : value;
        }

        private double x(int k) {
            return k == size - 1 ? nowX : history.figure(SHARE, first + k);
        }

        private double y(int k) {
            return k == size - 1 ? nowY : history.figure(SPREAD, first + k);
        }

        private double setting(int k) {
            return k == size - 1 ? nowSetting : history.figure(SETTING, first + k);
        }

        private boolean fitted(int k) {
            return !Double.isNaN(x(k)) && !Double.isNaN(y(k));
        }

        /** Whether a point fitted with {@code setting} starts a segment: the first one, or one whose setting is new. */
        private static boolean startsSegment(double setting, double lastSetting, boolean first) {
            return first || !(Double.isNaN(setting) ? Double.isNaN(lastSetting) : setting == lastSetting);
        }

        Slope slope() {
            // first pass: the points fitted, their segments, and the sums of each segment, in the points' order
            double[] meanX = new double[4];
            double[] meanY = new double[4];
            int[] count = new int[4];
            int[] segment = new int[size]; // of each point, -1 when it is not fitted
            int n = 0;
            int groups = 0;
            double lastSetting = Double.NaN;
            for (int k = 0; k < size; k++) {
                segment[k] = -1;
                if (!fitted(k)) {
                    continue;
                }
                double setting = setting(k);
                if (startsSegment(setting, lastSetting, groups == 0)) {
                    if (groups == count.length) {
                        meanX = java.util.Arrays.copyOf(meanX, 2 * groups);
                        meanY = java.util.Arrays.copyOf(meanY, 2 * groups);
                        count = java.util.Arrays.copyOf(count, 2 * groups);
                    }
                    groups++;
                    lastSetting = setting;
                }
                segment[k] = groups - 1;
                meanX[groups - 1] += x(k);
                meanY[groups - 1] += y(k);
                count[groups - 1]++;
                n++;
            }
            int dof = n - groups - 1;
            if (n < MIN_POINTS || dof < 1) {
                return null;
            }
            for (int g = 0; g < groups; g++) {
                meanX[g] /= count[g];
                meanY[g] /= count[g];
            }
            double sxx = 0;
            double sxy = 0;
            for (int k = 0; k < size; k++) {
                if (segment[k] >= 0) {
                    double dx = x(k) - meanX[segment[k]];
                    sxx += dx * dx;
                    sxy += dx * (y(k) - meanY[segment[k]]);
                }
            }
            if (sxx <= 1e-12) {
                return null;
            }
            double b = sxy / sxx;
            double rss = 0;
            for (int k = 0; k < size; k++) {
                if (segment[k] >= 0) {
                    double residual = y(k) - meanY[segment[k]] - b * (x(k) - meanX[segment[k]]);
                    rss += residual * residual;
                }
            }
            double se = Math.sqrt(rss / dof / sxx);
            double t = se > 0 ? b / se : b == 0 ? 0 : Math.copySign(MAX_T, b);
            return new Slope(UnitFormat.round2(b), UnitFormat.round2(Math.max(-MAX_T, Math.min(MAX_T, t))));
        }
    }
}
