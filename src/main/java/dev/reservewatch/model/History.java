package dev.reservewatch.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Earlier observations, oldest first, indexed so that trend figures cost O(log n) plus the points inside a
 * window, never O(n): a series of n points is judged in O(n log n), not O(n²). A series builds one
 * History and hands point i the view {@link #upTo(int) upTo(i)} of the points before it.
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
    private final int size;

    private History(Observation[] points, long[] days, double[] peakOnRrpSoFar, double[][] spreadSums,
            int[][] spreadCounts, Object[][] kept, int size) {
        this.points = points;
        this.days = days;
        this.peakOnRrpSoFar = peakOnRrpSoFar;
        this.spreadSums = spreadSums;
        this.spreadCounts = spreadCounts;
        this.kept = kept;
        this.size = size;
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
        return new History(points, days, peak, sums, counts, new Object[Kept.values().length][n], n);
    }

    /** The first {@code count} points: the history of point {@code count} of a series. */
    public History upTo(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException(count);
        }
        return count == 0 ? EMPTY : new History(points, days, peakOnRrpSoFar, spreadSums, spreadCounts, kept, count);
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
        long day = date.toEpochDay();
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (days[mid] <= day) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
