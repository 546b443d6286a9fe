package dev.reservewatch.engine.verdict;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.ruleset.Trigger;
import dev.reservewatch.model.Figures;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.Measures;
import dev.reservewatch.model.UnitFormat;

/**
 * How near each trigger of a ruleset is ({@link Trigger}): for every trigger whose figure the snapshot lets
 * the market know, the distance to its line and, with history, the figure's pace over the long window and
 * when it would cross the line at that pace. An entry is firing when its figure is past the line and its rule
 * fired; a figure past the line whose rule's other conditions do not hold (a share below its floor while the
 * ON RRP buffer still stands) says so. Firing entries come first, then those approaching their line, the nearest
 * first: by the distance as a share of the line (of one unit for a line at zero); last, those past their line
 * but held back by their rule's other conditions.
 */
final class Watchlist {

    /** The smallest line, in absolute value, that a distance is given as a share of. */
    static final double MIN_LINE = 1e-6;

    /** Beyond this many weeks a projection says more about noise than about the trend. */
    static final double MAX_WEEKS_TO_PROJECT = 104;

    /**
     * Firing first, the farthest past the line first; then those approaching their line, the nearest first; then
     * those past their line whose rule's other conditions do not hold.
     */
    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::rank)
            .thenComparingDouble(ranked -> ranked.rank() == 0 ? ranked.watch().distance() / scale(ranked.watch().threshold())
                    : Math.abs(ranked.watch().distance()) / scale(ranked.watch().threshold()));

    private record Ranked(int rank, Verdict.Watch watch) {
    }

    private Watchlist() {
    }

    /**
     * The watchlist of a market, judged by this ruleset; {@code earlier} is the market at the start of the long
     * window (null without history), to measure each figure's pace.
     */
    static List<Verdict.Watch> of(Ruleset ruleset, Market market, Market earlier, Set<String> firedRules) {
        List<Ranked> entries = new ArrayList<>();
        double windowWeeks = earlier == null ? 0 : ChronoUnit.DAYS.between(earlier.getAsOf(), market.getAsOf()) / 7.0;
        for (Trigger trigger : ruleset.triggers()) {
            Double observed = number(market, trigger.figure());
            Double threshold = trigger.threshold();
            if (observed == null || threshold == null || !Double.isFinite(observed) || !Double.isFinite(threshold)) {
                continue; // a line the rules set to Infinity or NaN is no line to measure against
            }
            boolean past = trigger.firesAt(observed, threshold);
            // firing: past the line, and the rule fired (its other conditions, such as a drained buffer, hold)
            boolean firing = past && firedRules.contains(trigger.rule());
            Double difference = Measures.known(trigger.fires() == Trigger.Side.BELOW ? observed - threshold
                    : threshold - observed);
            if (difference == null) {
                continue; // both finite, but too far apart for a double: no distance to report
            }
            double distance = difference;
            Double distancePct = distancePct(distance, threshold);
            Double then = earlier == null ? null : number(earlier, trigger.figure());
            Double trend = null;
            if (then != null && Double.isFinite(then) && windowWeeks > 0) {
                trend = Measures.known((observed - then) / windowWeeks);
            }
            Double weeksToCross = null;
            LocalDate crossesAround = null;
            String projection;
            if (firing) {
                projection = "past the line";
            } else if (past) {
                projection = "past the line, but the rule's other conditions do not hold";
            } else if (earlier == null) {
                projection = "no projection: no history to measure a pace";
            } else if (trend == null) {
                projection = "no projection: the figure is not known at the start of the long window";
            } else if (trigger.fires() == Trigger.Side.BELOW ? trend >= 0 : trend <= 0) {
                projection = "no projection: moving away from the line";
            } else {
                double weeks = Math.abs(distance / trend);
                if (weeks > MAX_WEEKS_TO_PROJECT) {
                    projection = "no projection: the pace is too small (over two years to the line)";
                } else {
                    weeksToCross = Math.round(weeks * 10) / 10.0;
                    crossesAround = market.getAsOf().plusDays(Math.round(weeks * 7));
                    projection = "crosses in about " + UnitFormat.plain(weeksToCross) + (weeksToCross == 1 ? " week"
                            : " weeks") + " at this pace";
                }
            }
            entries.add(new Ranked(firing ? 0 : past ? 2 : 1, new Verdict.Watch(trigger.signal(), trigger.metric(),
                    observed, threshold, trigger.unit(), trigger.fires().name(), distance, distancePct, firing,
                    trigger.rule(), trend, weeksToCross, crossesAround, projection)));
        }
        entries.sort(ORDER);
        return entries.stream().map(Ranked::watch).toList();
    }

    /** The entry nearest its line among those that have not reached it, or null. */
    static Verdict.Watch nearest(List<Verdict.Watch> watchlist) {
        return watchlist.stream().filter(watch -> !watch.firing() && watch.distance() > 0).findFirst().orElse(null);
    }

    /**
     * The distance as a share of the line, in %; none for a line too near zero for a share to mean anything (under
     * {@link #MIN_LINE} in absolute value: a line the rules set at 1e-320 would make any distance a huge share).
     */
    static Double distancePct(double distance, double threshold) {
        return Math.abs(threshold) < MIN_LINE ? null : Measures.known(100 * distance / Math.abs(threshold));
    }

    private static double scale(double threshold) {
        return Math.max(Math.abs(threshold), 1.0);
    }

    private static Double number(Market market, Figures.Figure figure) {
        Object value = figure.of(market);
        return value instanceof Number number ? number.doubleValue() : null;
    }
}
