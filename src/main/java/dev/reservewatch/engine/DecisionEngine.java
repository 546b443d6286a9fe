package dev.reservewatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotSchema;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.Observation;
import dev.reservewatch.model.Readings;
import dev.reservewatch.model.Recommendation;
import dev.reservewatch.model.Regime;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Signal;
import dev.reservewatch.model.TrendWindows;

/**
 * Judges one snapshot with one ruleset: builds the {@link Market} fact, runs the rules on a pooled
 * session in two phases (the signal rules; then, with the {@link Readings} of all signals raised, the rules
 * that weigh them), and assembles the verdict from the signals, regime calls and recommendations inserted.
 * Thread-safe and free of CDI, so tests and benchmarks use it as it is.
 */
public final class DecisionEngine {

    /** Default bound on rule firings per evaluation: far above any sane ruleset, low enough to stop a loop fast. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private static final Comparator<Verdict.SignalReport> SIGNAL_ORDER = Comparator
            .comparing(Verdict.SignalReport::severity, Comparator.reverseOrder())
            .thenComparing(Verdict.SignalReport::code)
            .thenComparing(s -> s.metric() == null ? "" : s.metric());

    private final int maxFirings;
    private final TrendWindows windows;

    public DecisionEngine() {
        this(DEFAULT_MAX_FIRINGS, TrendWindows.DEFAULT);
    }

    public DecisionEngine(int maxFirings) {
        this(maxFirings, TrendWindows.DEFAULT);
    }

    public DecisionEngine(int maxFirings, TrendWindows windows) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        this.maxFirings = maxFirings;
        this.windows = windows;
    }

    /** Judges a snapshot with the history it carries. */
    public Verdict evaluate(Ruleset ruleset, MarketSnapshot snapshot) {
        long started = System.nanoTime();
        History history = History.of(snapshot.history());
        return evaluate(ruleset, snapshot, history, market(snapshot, history),
                index -> market(history.get(index), history.upTo(index)), started);
    }

    /** The fact the rules see for a point with the points before it. */
    Market market(Observation point, History before) {
        return Market.of(point, before, windows);
    }

    /**
     * Judges a snapshot whose market is already built; {@code marketAt} gives the market of the history's point
     * at an index (a series builds each once and hands it on, as the later points' watchlists measure their pace
     * from it). {@code started} is when the work on this verdict began, building its market included.
     */
    Verdict evaluate(Ruleset ruleset, MarketSnapshot snapshot, History history, Market market,
            IntFunction<Market> marketAt, long started) {
        Record record = new Record();
        KieSession session = ruleset.sessions().take();
        boolean clean = false;
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) record);
            session.addEventListener((RuleRuntimeEventListener) record);
            ruleset.globals().forEach(session::setGlobal);
            session.insert(market);
            // Phase 1: the signal rules. Phase 2: rules that weigh the signals, through one Readings fact.
            int fired = session.fireAllRules(maxFirings + 1);
            if (fired <= maxFirings) {
                List<Signal> raised = new ArrayList<>(record.signals.size());
                record.signals.forEach(produced -> raised.add(produced.fact()));
                session.insert(new Readings(raised));
                fired += session.fireAllRules(maxFirings + 1 - fired);
            }
            if (fired > maxFirings) {
                String rule = record.mostFired();
                throw new RuleExecutionException(rule, ruleset.fileOf(rule), "rule '" + rule + "' ("
                        + ruleset.fileOf(rule) + ") kept firing: the evaluation passed " + maxFirings
                        + " rule firings and was stopped; look for a rule whose consequence re-triggers itself"
                        + " (modify without no-loop, or an insert that matches its own conditions)", null);
            }
            clean = true;
        } catch (ConsequenceException e) {
            throw failure(ruleset, e.getRule() != null ? e.getRule().getName() : null,
                    e.getCause() != null ? e.getCause() : e);
        } catch (RuleExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(ruleset, null, e);
        } finally {
            if (clean) {
                session.dispose(); // back to the pool, reset
            } else {
                session.destroy(); // a session that failed midway is not reused
            }
        }
        return assemble(ruleset, snapshot, history, market, marketAt, record, started);
    }

    private static RuleExecutionException failure(Ruleset ruleset, String rule, Throwable cause) {
        String what = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
        if (rule == null) {
            return new RuleExecutionException(null, null, "a rule condition failed while judging the snapshot ("
                    + what + ")", cause);
        }
        return new RuleExecutionException(rule, ruleset.fileOf(rule),
                "rule '" + rule + "' (" + ruleset.fileOf(rule) + ") failed: " + what, cause);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private Verdict assemble(Ruleset ruleset, MarketSnapshot snapshot, History history, Market market,
            IntFunction<Market> marketAt, Record record, long started) {
        Regime regime = null;
        for (Produced<Regime> call : record.regimes) {
            if (regime == null || call.fact().getLevel().ordinal() > regime.getLevel().ordinal()) {
                regime = call.fact();
            }
        }
        ReserveRegime level = regime == null ? ReserveRegime.UNKNOWN : regime.getLevel();

        List<Verdict.SignalReport> signals = new ArrayList<>(record.signals.size());
        for (Produced<Signal> produced : record.signals) {
            Signal signal = produced.fact();
            signals.add(new Verdict.SignalReport(signal.getCode(), signal.getSeverity(), signal.getMetric(),
                    signal.getObserved(), signal.getThreshold(), signal.getMetric() == null ? null : signal.getUnit(),
                    signal.getMessage(), produced.rule()));
        }
        signals.sort(SIGNAL_ORDER);

        List<Verdict.Action> actions = mergeActions(record.recommendations);

        List<Verdict.FiredRule> firedRules = new ArrayList<>(record.firings.size());
        record.firings.keySet().forEach(name -> firedRules.add(new Verdict.FiredRule(name, ruleset.fileOf(name))));

        List<String> missing = missingInputs(ruleset, snapshot, history, market);
        int start = history.latestOnOrBefore(snapshot.asOf().minusDays(windows.longDays()));
        List<Verdict.Watch> watchlist = Watchlist.of(ruleset, market, start < 0 ? null : marketAt.apply(start),
                record.firings.keySet());
        String explanation = Explanation.write(snapshot.asOf(), level, regime == null ? null : regime.getReason(),
                signals, actions, missing, Watchlist.nearest(watchlist));
        long micros = (System.nanoTime() - started) / 1_000;
        return new Verdict(snapshot.asOf(), level, actions, signals, watchlist, explanation, firedRules, missing,
                new Verdict.RulesetRef(ruleset.version(), ruleset.loadedAt()), micros, null);
    }

    /** One action per code: the most urgent priority, the first rationale at it, the union of reasons. */
    private static List<Verdict.Action> mergeActions(List<Produced<Recommendation>> recommendations) {
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

    /** Snapshot fields that some rule reads (directly or through a derived figure) and that were absent. */
    private static List<String> missingInputs(Ruleset ruleset, MarketSnapshot snapshot, History history,
            Market market) {
        TreeSet<String> missing = new TreeSet<>();
        for (String name : ruleset.figuresRead()) {
            Market.Figure figure = Market.FIGURES.get(name);
            if (figure.value().apply(market) == null) {
                for (String input : figure.inputs()) {
                    boolean absent = "history".equals(input) ? history.isEmpty()
                            : SnapshotSchema.isAbsent(snapshot, input);
                    if (absent) {
                        missing.add(input);
                    }
                }
            }
        }
        return List.copyOf(missing);
    }

    /** What one session did: firings in order, and each result fact with the rule that inserted it. */
    private static final class Record extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        final Map<String, Integer> firings = new LinkedHashMap<>();
        final List<Produced<Signal>> signals = new ArrayList<>();
        final List<Produced<Recommendation>> recommendations = new ArrayList<>();
        final List<Produced<Regime>> regimes = new ArrayList<>(2);

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }

        String mostFired() {
            return firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object fact = event.getObject();
            String rule = event.getRule() == null ? null : event.getRule().getName();
            if (fact instanceof Signal signal) {
                signals.add(new Produced<>(signal, rule));
            } else if (fact instanceof Recommendation recommendation) {
                recommendations.add(new Produced<>(recommendation, rule));
            } else if (fact instanceof Regime regime) {
                regimes.add(new Produced<>(regime, rule));
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // result facts are immutable; an update changes nothing the verdict reports
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Object fact = event.getOldObject();
            signals.removeIf(p -> p.fact() == fact);
            recommendations.removeIf(p -> p.fact() == fact);
            regimes.removeIf(p -> p.fact() == fact);
        }
    }

    /** A result fact and the rule that inserted it. */
    private record Produced<T>(T fact, String rule) {
    }
}
