package dev.reservewatch.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.reservewatch.api.MarketSnapshot;

/**
 * Earlier observations, oldest first, indexed so that trend figures cost O(log n) plus the points inside a
 * window, never O(n): a series of n points is judged in O(n log n), not O(n²). A series builds one
 * History and hands point i the view {@link #upTo(int) upTo(i)} of the points before it.
 */
public final class History {

    public static final History EMPTY = new History(new MarketSnapshot[0], new long[0], new double[0], 0);

    private final MarketSnapshot[] points;
    private final long[] days;
    private final double[] peakOnRrpSoFar;
    private final int size;

    private History(MarketSnapshot[] points, long[] days, double[] peakOnRrpSoFar, int size) {
        this.points = points;
        this.days = days;
        this.peakOnRrpSoFar = peakOnRrpSoFar;
        this.size = size;
    }

    /** The history a single snapshot carries, in any order. */
    public static History of(List<MarketSnapshot> earlier) {
        if (earlier == null || earlier.isEmpty()) {
            return EMPTY;
        }
        List<MarketSnapshot> sorted = new ArrayList<>(earlier);
        sorted.sort(Comparator.comparing(MarketSnapshot::asOf));
        return ofSorted(sorted);
    }

    /** Points already in date order; use {@link #upTo(int)} for the history of each. */
    public static History ofSorted(List<MarketSnapshot> sorted) {
        int n = sorted.size();
        MarketSnapshot[] points = sorted.toArray(new MarketSnapshot[0]);
        long[] days = new long[n];
        double[] peak = new double[n];
        double running = Double.NaN;
        for (int i = 0; i < n; i++) {
            days[i] = points[i].asOf().toEpochDay();
            Double onRrp = points[i].onRrpBalanceBn();
            if (onRrp != null && (Double.isNaN(running) || onRrp > running)) {
                running = onRrp;
            }
            peak[i] = running;
        }
        return new History(points, days, peak, n);
    }

    /** The first {@code count} points: the history of point {@code count} of a series. */
    public History upTo(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException(count);
        }
        return count == 0 ? EMPTY : new History(points, days, peakOnRrpSoFar, count);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public MarketSnapshot get(int index) {
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
