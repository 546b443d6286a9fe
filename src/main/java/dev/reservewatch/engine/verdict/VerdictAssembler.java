package dev.reservewatch.engine.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.Recommendation;
import dev.reservewatch.model.Regime;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Signal;
import dev.reservewatch.model.TrendWindows;

/**
 * Turns what a run of the rules produced ({@link Outcome}) into the verdict: the regime the rules called, the
 * signals (the most severe first), one action per code, the rules that fired, the inputs the rules lacked, the
 * watchlist and the explanation.
 * <p>
 * The regime is the rules' to decide: the regime rules are tried from the most severe down and the first that
 * applies wins ({@code regime.drl}), so the verdict takes the first regime call the run made. A ruleset that
 * calls none is {@link ReserveRegime#UNKNOWN}.
 */
public final class VerdictAssembler {

    private static final Comparator<Verdict.SignalReport> SIGNAL_ORDER = Comparator
            .comparing(Verdict.SignalReport::severity, Comparator.reverseOrder())
            .thenComparing(Verdict.SignalReport::code)
            .thenComparing(s -> s.metric() == null ? "" : s.metric());

    private final TrendWindows windows;

    public VerdictAssembler(TrendWindows windows) {
        this.windows = windows;
    }

    /**
     * The verdict on {@code snapshot}, whose market the rules saw; {@code marketAt} gives the market of the
     * history's point at an index (the watchlist measures each figure's pace from the start of the long window).
     * {@code started} is when the work on this verdict began ({@code System.nanoTime()}).
     */
    public Verdict assemble(Ruleset ruleset, MarketSnapshot snapshot, History history, Market market,
            IntFunction<Market> marketAt, Outcome outcome, long started) {
        Regime regime = outcome.regimes().isEmpty() ? null : outcome.regimes().get(0).fact();
        ReserveRegime level = regime == null ? ReserveRegime.UNKNOWN : regime.getLevel();

        List<Reported> reported = new ArrayList<>(outcome.signals().size());
        for (Outcome.Produced<Signal> produced : outcome.signals()) {
            Signal signal = produced.fact();
            reported.add(new Reported(new Verdict.SignalReport(signal.getCode(), signal.getSeverity(), signal.getMetric(),
                    signal.getObserved(), signal.getThreshold(), signal.getMetric() == null ? null : signal.getUnit(),
                    signal.getMessage(), produced.rule()), produced.bound()));
        }
        reported.sort(Comparator.comparing(Reported::report, SIGNAL_ORDER));
        List<Verdict.SignalReport> signals = new ArrayList<>(reported.size());
        List<Map<String, Object>> bound = new ArrayList<>(reported.size());
        for (Reported each : reported) {
            signals.add(each.report());
            bound.add(each.bound());
        }

        List<Verdict.Action> actions = mergeActions(outcome.recommendations());

        List<Verdict.FiredRule> firedRules = new ArrayList<>(outcome.firings().size());
        outcome.firings().keySet().forEach(name -> firedRules.add(new Verdict.FiredRule(name, ruleset.fileOf(name))));

        List<String> missing = MissingInputs.of(ruleset, snapshot, history, market);
        int start = history.latestOnOrBefore(snapshot.asOf().minusDays(windows.longDays()));
        List<Verdict.Watch> watchlist = Watchlist.of(ruleset, market, start < 0 ? null : marketAt.apply(start),
                outcome.firings().keySet());
        Verdict.Watch nearest = Watchlist.nearest(watchlist);
        String explanation = Explanation.write(snapshot.asOf(), level, regime == null ? null : regime.getReason(),
                signals, actions, missing, nearest);
        ChineseText texts = new ChineseText(ruleset.chinese(), regime == null ? null : outcome.regimes().get(0).rule(),
                regime == null ? null : regime.getReason(), bound, nearest);
        long micros = (System.nanoTime() - started) / 1_000;
        return new Verdict(snapshot.asOf(), level, actions, signals, watchlist, explanation, firedRules, missing,
                new Verdict.RulesetRef(ruleset.version(), ruleset.loadedAt()), micros, null, texts);
    }

    /** A signal as the verdict reports it, and the values its rule bound for its Chinese text. */
    private record Reported(Verdict.SignalReport report, Map<String, Object> bound) {
    }

    /** One action per code: the most urgent priority, the first rationale at it, the union of reasons. */
    private static List<Verdict.Action> mergeActions(List<Outcome.Produced<Recommendation>> recommendations) {
        Map<String, Verdict.Action> byCode = new LinkedHashMap<>();
        recommendations.forEach(produced -> byCode.merge(produced.fact().getCode(),
                new Verdict.Action(produced.fact().getCode(), produced.fact().getPriority(),
                        produced.fact().getRationale(), produced.fact().getBecause(), produced.rule()),
                (a, b) -> {
                    Verdict.Action first = b.priority() < a.priority() ? b : a;
                    TreeSet<String> because = new TreeSet<>(a.because());
                    because.addAll(b.because());
                    return new Verdict.Action(first.code(), first.priority(), first.rationale(),
                            List.copyOf(because), first.rule());
                }));
        List<Verdict.Action> actions = new ArrayList<>(byCode.values());
        actions.sort(Comparator.comparingInt(Verdict.Action::priority).thenComparing(Verdict.Action::code));
        return actions;
    }
}
