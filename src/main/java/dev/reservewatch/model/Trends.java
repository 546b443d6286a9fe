package dev.reservewatch.model;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * The window maths behind the trend figures: averages over a window of a point's history, changes since a
 * window's start, the drawdown from a window's high, and the high of a figure over the ordinary weeks before a
 * point. Each reads the {@link History} by index, so a series of n points costs O(n log n) in all.
 */
public final class Trends {

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
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (!earlier.asOf().isAfter(day.minusDays(windowDays))) {
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
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (earlier.asOf().isBefore(day.minusDays(PRIOR_WEEKS_DAYS))) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null && (high == null || value > high) && !PeriodEnds.weekHoldsOne(earlier.asOf())) {
                high = value;
            }
        }
        return high;
    }
}
