package dev.reservewatch.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.reservewatch.contract.ActionChange;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;

/**
 * Judges a series: points in date order, each with the points before it as its history, and the dates
 * at which the recommended action set changed. One {@link History} is built for the whole series, so
 * the cost grows as n log n, not n²; and one market per point.
 * <p>
 * A series is judged as a stream ({@link #start}, {@link #judge(Ruleset, List, LocalDate, Consumer)}): each
 * verdict goes to its reader as soon as it is judged, and the series keeps only what its end needs, the
 * changes, the count and the span. A verdict (about 6.6 KB with its explanation and watchlist) that outlived
 * its point until the whole series was done would be copied by every young collection meanwhile.
 * {@link #judge(Ruleset, List, LocalDate)} keeps them all, for the few readers that need the whole list.
 */
public final class SeriesJudge {

    private final DecisionEngine engine;

    public SeriesJudge(DecisionEngine engine) {
        this.engine = engine;
    }

    /** Every verdict of a series, in date order, and the changes of the action set. */
    public record Result(List<Verdict> verdicts, List<ActionChange> changes) {
    }

    /**
     * What a series judged as a stream leaves at its end: how many points were judged, the first and last dates
     * judged (null when none was), and the changes of the action set among them.
     */
    public record Summary(int points, LocalDate from, LocalDate to, List<ActionChange> changes) {
    }

    /** Sorts the points by date and refuses duplicate dates and points that carry a history of their own. */
    public static List<MarketSnapshot> inDateOrder(List<MarketSnapshot> points) {
        List<FieldError> errors = new ArrayList<>();
        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        for (int i = 0; i < points.size(); i++) {
            MarketSnapshot point = points.get(i);
            byDate.computeIfAbsent(point.asOf(), d -> new ArrayList<>()).add(i);
            if (point.history() != null) {
                errors.add(new FieldError("[" + i + "].history",
                        "a series point carries no history: the points before it are its history"));
            }
        }
        byDate.forEach((date, at) -> {
            if (at.size() > 1) {
                errors.add(new FieldError("asOf " + date, "appears " + at.size() + " times, at points " + at
                        + "; each date may appear once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.size() + " problem(s) with the series: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        List<MarketSnapshot> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(MarketSnapshot::asOf));
        return sorted;
    }

    public Result judge(Ruleset ruleset, List<MarketSnapshot> points) {
        return judge(ruleset, points, null);
    }

    /**
     * Judges the points from {@code reportFrom} on (all when null), each with every point before it as its
     * history, those before {@code reportFrom} included: they are history only, neither judged nor reported.
     * Keeps every verdict: for readers that need them all at once (the watch derives its alerts from the whole
     * list); an answer streams them instead ({@link #judge(Ruleset, List, LocalDate, Consumer)}).
     */
    public Result judge(Ruleset ruleset, List<MarketSnapshot> points, LocalDate reportFrom) {
        List<Verdict> verdicts = new ArrayList<>();
        Summary summary = judge(ruleset, points, reportFrom, verdicts::add);
        return new Result(verdicts, summary.changes());
    }

    /**
     * Judges the points from {@code reportFrom} on (all when null), as {@link #judge(Ruleset, List, LocalDate)}
     * does, handing each verdict to {@code each} as soon as it is judged, in date order; keeps none of them.
     */
    public Summary judge(Ruleset ruleset, List<MarketSnapshot> points, LocalDate reportFrom,
            Consumer<? super Verdict> each) {
        Judging judging = start(ruleset, points, reportFrom);
        while (judging.hasNext()) {
            each.accept(judging.next());
        }
        return judging.summary();
    }

    /**
     * A series ready to be judged point by point ({@link Judging}): the points put in date order and refused as
     * {@link #inDateOrder} refuses them, here, before any point is judged.
     */
    public Judging start(Ruleset ruleset, List<MarketSnapshot> points, LocalDate reportFrom) {
        return new Judging(ruleset, points(points), reportFrom);
    }

    /**
     * A series being judged, one reported point at a time, in date order: {@link #next()} judges the next point
     * and hands its verdict over; what the series' end needs (the changes of the action set, the count, the span)
     * is kept here, the verdicts are not. For one thread at a time.
     */
    public final class Judging {
        private final Ruleset ruleset;
        private final Points series;
        private final List<ActionChange> changes = new ArrayList<>();
        private int at;
        private int judged;
        private LocalDate from;
        private LocalDate to;
        private List<String> previous;

        private Judging(Ruleset ruleset, Points series, LocalDate reportFrom) {
            this.ruleset = ruleset;
            this.series = series;
            this.at = reportFrom == null ? 0 : series.firstOnOrAfter(reportFrom);
        }

        public boolean hasNext() {
            return at < series.size();
        }

        /**
         * The verdict of the next point, with every point before it as its history.
         *
         * @throws RuleExecutionException naming the point's date, when a rule fails on it
         */
        public Verdict next() {
            if (!hasNext()) {
                throw new NoSuchElementException("every point of the series has been judged");
            }
            int index = at++;
            Verdict verdict;
            try {
                verdict = series.judge(ruleset, index);
            } catch (RuleExecutionException e) {
                throw e.at(series.get(index).asOf());
            }
            List<String> codes = actionCodes(verdict);
            if (previous != null && !Objects.equals(previous, codes)) {
                changes.add(new ActionChange(verdict.asOf(), previous, codes));
            }
            previous = codes;
            if (from == null) {
                from = verdict.asOf();
            }
            to = verdict.asOf();
            judged++;
            return verdict;
        }

        /** The codes of a verdict's actions, in the order of their names (the order of priority may change). */
        private static List<String> actionCodes(Verdict verdict) {
            String[] codes = new String[verdict.actions().size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = verdict.actions().get(i).code();
            }
            java.util.Arrays.sort(codes);
            return List.of(codes);
        }

        /** The points judged so far, their span and the changes among them. */
        public Summary summary() {
            return new Summary(judged, from, to, List.copyOf(changes));
        }
    }

    /** The points in date order (refused as {@link #inDateOrder} refuses them), ready to be judged one by one. */
    public Points points(List<MarketSnapshot> points) {
        return new Points(inDateOrder(points));
    }

    /**
     * A series' points in date order, each judged with the points before it as its history. Each point's market is
     * built once, whichever ruleset judges it: for its own verdict, and for the later points' watchlists, which
     * measure their pace from it. For one thread at a time.
     */
    public final class Points {
        private final List<MarketSnapshot> sorted;
        private final History all;
        private final Market[] markets;

        private Points(List<MarketSnapshot> sorted) {
            this.sorted = sorted;
            this.all = History.ofSorted(sorted);
            this.markets = new Market[sorted.size()];
        }

        public int size() {
            return sorted.size();
        }

        public MarketSnapshot get(int index) {
            return sorted.get(index);
        }

        /** The index of the first point dated on or after {@code day}; {@link #size()} when there is none. */
        int firstOnOrAfter(LocalDate day) {
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted.get(middle).asOf().isBefore(day)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The verdict of point {@code index}, with every point before it as its history. */
        public Verdict judge(Ruleset ruleset, int index) {
            long started = System.nanoTime();
            return engine.evaluate(ruleset, sorted.get(index), all.upTo(index), marketAt(index), this::marketAt,
                    started);
        }

        private Market marketAt(int index) {
            if (markets[index] == null) {
                markets[index] = engine.market(sorted.get(index), all.upTo(index));
            }
            return markets[index];
        }
    }
}
