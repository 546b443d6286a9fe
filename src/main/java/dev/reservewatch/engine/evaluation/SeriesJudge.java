package dev.reservewatch.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 */
public final class SeriesJudge {

    private final DecisionEngine engine;

    public SeriesJudge(DecisionEngine engine) {
        this.engine = engine;
    }

    public record Result(List<Verdict> verdicts, List<ActionChange> changes) {
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
     */
    public Result judge(Ruleset ruleset, List<MarketSnapshot> points, LocalDate reportFrom) {
        Points series = points(points);
        List<Verdict> verdicts = new ArrayList<>(series.size());
        List<ActionChange> changes = new ArrayList<>();
        List<String> previous = null;
        for (int i = 0; i < series.size(); i++) {
            if (reportFrom != null && series.get(i).asOf().isBefore(reportFrom)) {
                continue;
            }
            Verdict verdict = series.judge(ruleset, i);
            verdicts.add(verdict);
            List<String> codes = verdict.actions().stream().map(Verdict.Action::code).sorted().toList();
            if (previous != null && !Objects.equals(previous, codes)) {
                changes.add(new ActionChange(verdict.asOf(), previous, codes));
            }
            previous = codes;
        }
        return new Result(verdicts, changes);
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
