package dev.reservewatch.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Earlier observations, oldest first, indexed so that trend figures cost O(log n) plus the points inside a
 * window, never O(n): a series of n points is judged in O(n log n), not O(n²). A series builds one
 * History and hands point i the view {@link #upTo(int) upTo(i)} of the points before it. What the windows read of
 * a point (its calendar, its {@link PointFigure}s) is read once per history, however many windows hold it.
 */
public final class History {

    public static final History EMPTY = ofSorted(List.of());

    /** The overnight spreads to IORB whose window averages the trend figures use. */
    public enum Spread {
        EFFR, SOFR;

        Double of(Observation s) {
            return Measures.spreadBp(s.value(this == EFFR ? Input.EFFR_PCT : Input.SOFR_PCT), s.value(Input.IORB_PCT));
        }
    }

    private final Observation[] points;
    private final long[] days;
    private final double[] peakOnRrpSoFar;
    /** Per spread: running sums and counts of the known values, so any window's average costs O(1). */
    private final double[][] spreadSums;
    private final int[][] spreadCounts;
    private final Object[][] kept;
    /**
     * Per point, what was read of it once for every window that holds it: the calendar of its date and its
     * {@link PointFigure}s ({@link #READ} set once read). Shared by every view.
     */
    private final byte[] read;
    /** Per point figure, its value at each point read so far; NaN when unknown. */
    private final double[][] figures;
    private final int size;

    private static final byte READ = 1;
    private static final byte WEEK_HOLDS_PERIOD_END = 2;
    private static final byte PREMIUM_DAY = 4;

    private History(Observation[] points, long[] days, double[] peakOnRrpSoFar, double[][] spreadSums,
            int[][] spreadCounts, Object[][] kept, byte[] read, double[][] figures, int size) {
        this.points = points;
        this.days = days;
        this.peakOnRrpSoFar = peakOnRrpSoFar;
        this.spreadSums = spreadSums;
        this.spreadCounts = spreadCounts;
        this.kept = kept;
        this.read = read;
        this.figures = figures;
        this.size = size;
    }

    /**
     * Figures of a point that a window reads at each of its points: the fit of the demand for reserves reads half a
     * year of points at every point of a series, the prior highs five weeks, the standing repo count a quarter. Read
     * once per point and history ({@link #figure}).
     */
    public enum PointFigure {
        /** {@code reservesToBankAssetsPct} of the point. */
        RESERVES_TO_BANK_ASSETS_PCT,
        /** {@code effrIorbSpreadBp} of the point. */
        EFFR_IORB_SPREAD_BP,
        /** IORB over the bottom of the target range, in whole bp: the administered-rate setting. */
        IORB_OVER_RANGE_FLOOR_BP,
        /** {@code sofrAboveCeilingBp} of the point. */
        SOFR_ABOVE_CEILING_BP,
        /** {@code srfTakeupBn} of the point. */
        SRF_TAKEUP_BN;

        /** The figure of {@code point}; null when unknown. */
        public Double of(Observation point) {
            return switch (this) {
                case RESERVES_TO_BANK_ASSETS_PCT -> Measures.sharePct(point.value(Input.RESERVE_BALANCES_BN),
                        point.value(Input.BANK_TOTAL_ASSETS_BN));
                case EFFR_IORB_SPREAD_BP -> Measures.spreadBp(point.value(Input.EFFR_PCT), point.value(Input.IORB_PCT));
                case IORB_OVER_RANGE_FLOOR_BP -> {
                    Double iorb = point.value(Input.IORB_PCT);
                    Double floor = point.value(Input.TARGET_RANGE_LOW_PCT);
                    yield iorb == null || floor == null ? null : (double) Math.round((iorb - floor) * 100);
                }
                case SOFR_ABOVE_CEILING_BP -> Measures.spreadBp(point.value(Input.SOFR_PCT),
                        point.value(Input.TARGET_RANGE_HIGH_PCT));
                case SRF_TAKEUP_BN -> point.value(Input.SRF_TAKEUP_BN);
            };
        }
    }

    /**
     * Figures of a point that later points read back (the held figures: a point's figure two weeks on is read
     * by three points), each computed from the points before it once per history and kept, shared by every view
     * {@link #upTo} gives. A history is read by one thread at a time (one request, one series).
     */
    public enum Kept {
        RESERVE_DEMAND_SLOPE, RESERVE_DEMAND_SLOPE_T, BANK_SHARE_AVERAGE
    }

    private static final Object UNKNOWN = new Object();

    /** The figure {@code what} of the point at {@code index}, computed once by {@code compute}. */
    public Double kept(Kept what, int index, java.util.function.IntFunction<Double> compute) {
        Object[] values = kept[what.ordinal()];
        Object value = values[index];
        if (value == null) {
            Double computed = compute.apply(index);
            values[index] = computed == null ? UNKNOWN : computed;
            return computed;
        }
        return value == UNKNOWN ? null : (Double) value;
    }

    /** Keeps a figure of the point at {@code index} computed elsewhere (with another it comes with). */
    public void keep(Kept what, int index, Double value) {
        kept[what.ordinal()][index] = value == null ? UNKNOWN : value;
    }

    /**
     * The index {@code now} has in the series this history is the beginning of ({@link #size()}), when this history
     * is the view {@link #upTo} gives a series' point; -1 for a history of its own. Figures of {@code now} kept at
     * that index are the ones the later points of the series read back.
     */
    public int indexOf(Observation now) {
        return size < points.length && points[size] == now ? size : -1;
    }

    /** The date of the point at {@code index}, in days since the epoch. */
    public long epochDay(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return days[index];
    }

    /** {@link PeriodEnds#weekHoldsOne} of the point at {@code index}, read from the calendar once per history. */
    public boolean weekHoldsPeriodEnd(int index) {
        return (readOf(index) & WEEK_HOLDS_PERIOD_END) != 0;
    }

    /** {@link PeriodEnds#isPremiumDay} of the point at {@code index}, read from the calendar once per history. */
    public boolean isPremiumDay(int index) {
        return (readOf(index) & PREMIUM_DAY) != 0;
    }

    /** The figure {@code what} of the point at {@code index}; NaN when unknown. */
    public double figure(PointFigure what, int index) {
        readOf(index);
        return figures[what.ordinal()][index];
    }

    private byte readOf(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        byte flags = read[index];
        if (flags == 0) {
            Observation point = points[index];
            LocalDate day = point.asOf();
            flags = (byte) (READ | (PeriodEnds.weekHoldsOne(day) ? WEEK_HOLDS_PERIOD_END : 0)
                    | (PeriodEnds.isPremiumDay(day) ? PREMIUM_DAY : 0));
            for (PointFigure figure : PointFigure.values()) {
                Double value = figure.of(point);
                figures[figure.ordinal()][index] = value == null ? Double.NaN : value;
            }
            read[index] = flags;
        }
        return flags;
    }

    /** The history a single snapshot carries, in any order. */
    public static History of(List<? extends Observation> earlier) {
        if (earlier == null || earlier.isEmpty()) {
            return EMPTY;
        }
        List<Observation> sorted = new ArrayList<>(earlier);
        sorted.sort(Comparator.comparing(Observation::asOf));
        return ofSorted(sorted);
    }

    /** Points already in date order; use {@link #upTo(int)} for the history of each. */
    public static History ofSorted(List<? extends Observation> sorted) {
        int n = sorted.size();
        Observation[] points = sorted.toArray(new Observation[0]);
        long[] days = new long[n];
        double[] peak = new double[n];
        Spread[] spreads = Spread.values();
        double[][] sums = new double[spreads.length][n + 1];
        int[][] counts = new int[spreads.length][n + 1];
        double running = Double.NaN;
        for (int i = 0; i < n; i++) {
            for (Spread spread : spreads) {
                Double value = spread.of(points[i]);
                int k = spread.ordinal();
                sums[k][i + 1] = sums[k][i] + (value == null ? 0 : value);
                counts[k][i + 1] = counts[k][i] + (value == null ? 0 : 1);
            }
            days[i] = points[i].asOf().toEpochDay();
            Double onRrp = points[i].value(Input.ON_RRP_BALANCE_BN);
            if (onRrp != null && (Double.isNaN(running) || onRrp > running)) {
                running = onRrp;
            }
            peak[i] = running;
        }
        return new History(points, days, peak, sums, counts, new Object[Kept.values().length][n], new byte[n],
                new double[PointFigure.values().length][n], n);
    }

    /** The first {@code count} points: the history of point {@code count} of a series. */
    public History upTo(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException(count);
        }
        return count == 0 ? EMPTY : new History(points, days, peakOnRrpSoFar, spreadSums, spreadCounts, kept, read,
                figures, count);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Observation get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return points[index];
    }

    /** The highest ON RRP balance in this history, or null if it has none. */
    public Double onRrpPeak() {
        if (size == 0 || Double.isNaN(peakOnRrpSoFar[size - 1])) {
            return null;
        }
        return peakOnRrpSoFar[size - 1];
    }

    /**
     * Sum and count of the known values of a spread over the points with index in (after, upTo]; the
     * indexes come from {@link #latestOnOrBefore}. O(1) whatever the window.
     */
    public double spreadSum(Spread spread, int after, int upTo) {
        return spreadSums[spread.ordinal()][upTo + 1] - spreadSums[spread.ordinal()][after + 1];
    }

    public int spreadCount(Spread spread, int after, int upTo) {
        return spreadCounts[spread.ordinal()][upTo + 1] - spreadCounts[spread.ordinal()][after + 1];
    }

    /** Index of the latest point dated on or before {@code date}, or -1 if there is none. */
    public int latestOnOrBefore(LocalDate date) {
        return latestOnOrBefore(date.toEpochDay());
    }

    /**
     * Index of the latest point dated on or before {@code day} (days since the epoch), or -1 if there is none. Points
     * come about evenly spaced (daily, weekly), so the search starts where the average spacing puts the day, steps
     * from there in doubling strides until it passes the day, then halves the last stride: a few steps for a regular
     * series, O(log n) for any other.
     */
    public int latestOnOrBefore(long day) {
        int last = size - 1;
        if (last < 0 || days[last] <= day) {
            return last;
        }
        if (day < days[0]) {
            return -1;
        }
        // days[0] <= day < days[last]: the answer is in [0, last)
        int guess = (int) Math.min(last - 1, (day - days[0]) * last / (days[last] - days[0]));
        int low;
        int high;
        int stride = 1;
        if (days[guess] <= day) {
            low = guess;
            high = Math.min(low + stride, last);
            while (days[high] <= day) {
                low = high;
                stride <<= 1;
                high = Math.min(low + stride, last);
            }
        } else {
            high = guess;
            low = Math.max(high - stride, 0);
            while (days[low] > day) {
                high = low;
                stride <<= 1;
                low = Math.max(high - stride, 0);
            }
        }
        // days[low] <= day < days[high]
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (days[middle] <= day) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
