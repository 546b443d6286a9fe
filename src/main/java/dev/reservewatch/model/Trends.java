package dev.reservewatch.model;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The window maths behind the trend figures: averages over a window of a point's history, changes since a
 * window's start, the drawdown from a window's high, and the high of a figure over the ordinary weeks before a
 * point. Each reads the {@link History} by index, so a series of n points costs O(n log n) in all. Days are
 * counted since the epoch ({@link java.time.LocalDate#toEpochDay()}), as the history keeps its points' dates.
 */
public final class Trends {

    /** How far back a figure held over three weeks reaches: the point two weeks before. */
    public static final int HELD_DAYS = 14;

    /** How far back the prior weeks reach when a spike in a period-end week must show it was there before. */
    static final int PRIOR_WEEKS_DAYS = 35;

    private Trends() {
    }

    /** The latest observation on or before the start of a window of {@code days} ending at {@code day}, or null. */
    static Observation windowStart(History history, long day, int days) {
        int index = history.latestOnOrBefore(day - days);
        return index < 0 ? null : history.get(index);
    }

    /**
     * The mean of a spread over the history points in (day - window, day], plus {@code now} when given
     * (the point being judged; a history point dated {@code day} is then left out, as {@code now} stands
     * for it). Spreads jump at month-ends and tax dates; their average does not.
     */
    static Double averageOver(History history, long day, int windowDays, Double now, History.Spread spread) {
        int last = history.latestOnOrBefore(day);
        if (now != null && last >= 0 && history.epochDay(last) == day) {
            last--;
        }
        int before = history.latestOnOrBefore(day - windowDays);
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
        Double averageThen = averageOver(history, then.asOf().toEpochDay(), windowDays, null, spread);
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
    static Double drawdownInWindow(History history, long day, Double onRrpNow, int days) {
        int start = history.latestOnOrBefore(day - days);
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
    static Double averageOf(History history, long day, int windowDays, double now,
            Function<Observation, Double> figure) {
        double sum = now;
        int count = 1;
        long windowStart = day - windowDays;
        for (int i = history.latestOnOrBefore(day - 1); i >= 0; i--) {
            if (history.epochDay(i) <= windowStart) {
                break;
            }
            Double value = figure.apply(history.get(i));
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
    static Double priorHigh(History history, long day, History.PointFigure figure) {
        double high = Double.NaN;
        long first = day - PRIOR_WEEKS_DAYS;
        for (int i = history.latestOnOrBefore(day - 1); i >= 0; i--) {
            if (history.epochDay(i) < first) {
                break;
            }
            double value = history.figure(figure, i);
            if (!Double.isNaN(value) && (Double.isNaN(high) || value > high) && !history.weekHoldsPeriodEnd(i)) {
                high = value;
            }
        }
        return Double.isNaN(high) ? null : high;
    }

    /**
     * A figure held over three weeks: the median of its value now and at the history's points a week and two weeks
     * before ({@code atPoint} gives its value at a history index, as that point's own verdict read it). One week's
     * excursion past a line is one value of three and moves nothing; a turn that lasts two weeks moves it, a week
     * later. With fewer than three such points, or one of them unknown, the figure now.
     */
    static Double held(History history, long day, Double now, IntFunction<Double> atPoint) {
        if (now == null) {
            return null;
        }
        int weekBefore = history.latestOnOrBefore(day - 7);
        int twoWeeksBefore = history.latestOnOrBefore(day - HELD_DAYS);
        if (weekBefore < 0 || twoWeeksBefore < 0 || weekBefore == twoWeeksBefore
                || history.epochDay(weekBefore) < day - 13
                || history.epochDay(twoWeeksBefore) < day - 20) {
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
     * The mean of a figure over the point and the history's points in (day - window, day), premium days left out
     * when {@code skipPremiumDays} ({@link PeriodEnds#isPremiumDay}); null when the figure now is unknown or no
     * point counts.
     */
    static Double averageWhere(History history, long day, int windowDays, Observation now,
            Function<Observation, Double> figure, boolean skipPremiumDays) {
        Double current = figure.apply(now);
        if (current == null) {
            return null;
        }
        double sum = 0;
        int count = 0;
        if (!skipPremiumDays || !PeriodEnds.isPremiumDay(now.asOf())) {
            sum += current;
            count++;
        }
        long windowStart = day - windowDays;
        for (int i = history.latestOnOrBefore(day - 1); i >= 0; i--) {
            if (history.epochDay(i) <= windowStart) {
                break;
            }
            Double value = figure.apply(history.get(i));
            if (value != null && (!skipPremiumDays || !history.isPremiumDay(i))) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : UnitFormat.round2(sum / count);
    }

    /**
     * In how many of the weeks of a window ending at {@code today} (weekly buckets counted back from it) an ordinary
     * point, one whose week holds no period end, saw the figure at or above {@code floor}.
     */
    static int weeksAtOrAbove(History history, long today, int weeks, Observation now, History.PointFigure figure,
            double floor) {
        java.util.BitSet seen = new java.util.BitSet(weeks);
        Double current = figure.of(now);
        if (current != null && current >= floor && !PeriodEnds.weekHoldsOne(now.asOf())) {
            seen.set(0);
        }
        long after = today - 7L * weeks;
        for (int i = history.latestOnOrBefore(today - 1); i >= 0; i--) {
            long earlier = history.epochDay(i);
            if (earlier <= after) {
                break;
            }
            int week = (int) ((today - earlier) / 7);
            // NaN (unknown) is never at or above the floor
            if (!seen.get(week) && history.figure(figure, i) >= floor && !history.weekHoldsPeriodEnd(i)) {
                seen.set(week);
            }
        }
        return seen.cardinality();
    }

}
