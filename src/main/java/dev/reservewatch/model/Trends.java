package dev.reservewatch.model;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The window maths behind the trend figures: averages over a window of a point's history, changes since a
 * window's start, the drawdown from a window's high, and the high of a figure over the ordinary weeks before a
 * point. Each reads the {@link History} by index, so a series of n points costs O(n log n) in all.
 */
public final class Trends {

    /** How far back a figure held over three weeks reaches: the point two weeks before. */
    public static final int HELD_DAYS = 14;

    /** How far back the prior weeks reach when a spike in a period-end week must show it was there before. */
    static final int PRIOR_WEEKS_DAYS = 35;

    private Trends() {
    }

    /** The latest observation on or before the start of a window of {@code days} ending at {@code day}, or null. */
    static Observation windowStart(History history, LocalDate day, int days) {
        int index = history.latestOnOrBefore(day.minusDays(days));
        return index < 0 ? null : history.get(index);
    }

    /**
     * The mean of a spread over the history points in (day - window, day], plus {@code now} when given
     * (the point being judged; a history point dated {@code day} is then left out, as {@code now} stands
     * for it). Spreads jump at month-ends and tax dates; their average does not.
     */
    static Double averageOver(History history, LocalDate day, int windowDays, Double now, History.Spread spread) {
        int last = history.latestOnOrBefore(day);
        if (now != null && last >= 0 && history.get(last).asOf().equals(day)) {
            last--;
        }
        int before = history.latestOnOrBefore(day.minusDays(windowDays));
        double sum = now == null ? 0 : now;
        int count = now == null ? 0 : 1;
        if (last > before) {
            sum += history.spreadSum(spread, before, last);
            count += history.spreadCount(spread, before, last);
        }
        return count == 0 ? null : Measures.known(sum / count);
    }

    /** How the short-window average moved since {@code then}: the average now minus the average then. */
    static Double averageChange(History history, Double averageNow, Observation then, int windowDays,
            History.Spread spread) {
        if (averageNow == null || then == null) {
            return null;
        }
        Double averageThen = averageOver(history, then.asOf(), windowDays, null, spread);
        return averageThen == null ? null : Measures.known(averageNow - averageThen);
    }

    /** A figure now minus the same figure at {@code then}; unknown when either is. */
    static Double change(Double now, Observation then, Function<Observation, Double> figure) {
        if (now == null || then == null) {
            return null;
        }
        Double before = figure.apply(then);
        return before == null ? null : Measures.known(now - before);
    }

    /**
     * How far ON RRP now sits below its highest balance within the window of {@code days} to {@code day} (window
     * start included), in %; unknown for a high under $1bn ({@link Measures#drawdownPct}).
     */
    static Double drawdownInWindow(History history, LocalDate day, Double onRrpNow, int days) {
        int start = history.latestOnOrBefore(day.minusDays(days));
        if (onRrpNow == null || start < 0) {
            return null;
        }
        double peak = onRrpNow;
        for (int i = start; i < history.size(); i++) {
            Double value = history.get(i).value(Input.ON_RRP_BALANCE_BN);
            if (value != null && value > peak) {
                peak = value;
            }
        }
        return Measures.drawdownPct(peak, onRrpNow);
    }

    /**
     * The mean of a figure over the history's points in (day - window, day), and {@code now} for the day itself:
     * a level read over weeks, so that one week's noise near a line does not flip a signal.
     */
    static Double averageOf(History history, LocalDate day, int windowDays, double now,
            Function<Observation, Double> figure) {
        double sum = now;
        int count = 1;
        LocalDate windowStart = day.minusDays(windowDays);
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (!earlier.asOf().isAfter(windowStart)) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return Measures.known(sum / count);
    }

    /**
     * The highest value of a figure at the history's points of the five weeks before {@code day} that are no
     * period-end weeks themselves, or null: whether a spike was seen on an ordinary week before.
     */
    static Double priorHigh(History history, LocalDate day, Function<Observation, Double> figure) {
        Double high = null;
        LocalDate from = day.minusDays(PRIOR_WEEKS_DAYS);
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (earlier.asOf().isBefore(from)) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null && (high == null || value > high) && !PeriodEnds.weekHoldsOne(earlier.asOf())) {
                high = value;
            }
        }
        return high;
    }

    /**
     * A figure held over three weeks: the median of its value now and at the history's points a week and two weeks
     * before ({@code atPoint} gives its value at a history index, as that point's own verdict read it). One week's
     * excursion past a line is one value of three and moves nothing; a turn that lasts two weeks moves it, a week
     * later. With fewer than three such points, or one of them unknown, the figure now.
     */
    static Double held(History history, LocalDate day, Double now, IntFunction<Double> atPoint) {
        if (now == null) {
            return null;
        }
        int weekBefore = history.latestOnOrBefore(day.minusDays(7));
        int twoWeeksBefore = history.latestOnOrBefore(day.minusDays(HELD_DAYS));
        if (weekBefore < 0 || twoWeeksBefore < 0 || weekBefore == twoWeeksBefore
                || history.get(weekBefore).asOf().isBefore(day.minusDays(13))
                || history.get(twoWeeksBefore).asOf().isBefore(day.minusDays(20))) {
            return now;
        }
        Double first = atPoint.apply(weekBefore);
        Double second = atPoint.apply(twoWeeksBefore);
        if (first == null || second == null) {
            return now;
        }
        return Math.max(Math.min(now, first), Math.min(Math.max(now, first), second));
    }

    /**
     * The mean of a figure over the point and the history's points in (day - window, day), those for which
     * {@code counts} holds; null when the figure now is unknown or no point counts.
     */
    static Double averageWhere(History history, LocalDate day, int windowDays, Observation now,
            Function<Observation, Double> figure, java.util.function.Predicate<Observation> counts) {
        Double current = figure.apply(now);
        if (current == null) {
            return null;
        }
        double sum = 0;
        int count = 0;
        if (counts.test(now)) {
            sum += current;
            count++;
        }
        LocalDate windowStart = day.minusDays(windowDays);
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (!earlier.asOf().isAfter(windowStart)) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null && counts.test(earlier)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : UnitFormat.round2(sum / count);
    }

    /**
     * In how many of the weeks of a window ending at {@code day} (weekly buckets counted back from it) an ordinary
     * point, one whose week holds no period end, saw the figure at or above {@code floor}.
     */
    static int weeksAtOrAbove(History history, LocalDate day, int weeks, Observation now,
            Function<Observation, Double> figure, double floor) {
        java.util.BitSet seen = new java.util.BitSet(weeks);
        long today = day.toEpochDay();
        countWeek(seen, today, now, figure, floor);
        long after = today - 7L * weeks;
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (earlier.asOf().toEpochDay() <= after) {
                break;
            }
            countWeek(seen, today, earlier, figure, floor);
        }
        return seen.cardinality();
    }

    private static void countWeek(java.util.BitSet seen, long today, Observation point,
            Function<Observation, Double> figure, double floor) {
        Double value = figure.apply(point);
        if (value != null && value >= floor && !PeriodEnds.weekHoldsOne(point.asOf())) {
            seen.set((int) ((today - point.asOf().toEpochDay()) / 7));
        }
    }
}
