package dev.reservewatch.engine.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ruleset.ChineseTemplate;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.verdict.Outcome;
import dev.reservewatch.engine.verdict.VerdictAssembler;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.Observation;
import dev.reservewatch.model.Readings;
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

    private final int maxFirings;
    private final TrendWindows windows;
    private final VerdictAssembler assembler;

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
        this.assembler = new VerdictAssembler(windows);
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
        Recorder record = new Recorder(ruleset.chinese());
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
                session.insert(new Readings(record.outcome.signalFacts()));
                fired += session.fireAllRules(maxFirings + 1 - fired);
            }
            if (fired > maxFirings) {
                String rule = record.outcome.mostFired();
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
        return assembler.assemble(ruleset, snapshot, history, market, marketAt, record.outcome, started);
    }

    private static RuleExecutionException failure(Ruleset ruleset, String rule, Throwable cause) {
        String what = Excerpt.failure(cause);
        if (rule == null) {
            return new RuleExecutionException(null, null, "a rule condition failed while judging the snapshot ("
                    + what + ")", cause);
        }
        return new RuleExecutionException(rule, ruleset.fileOf(rule),
                "rule '" + rule + "' (" + ruleset.fileOf(rule) + ") failed: " + what, cause);
    }


    /**
     * Fills an {@link Outcome} from the session's events: firings, and each result fact with its rule. For a rule
     * whose Chinese text reads values its conditions bound ({@code {$peak:$bn}}), those values are kept with the facts
     * it inserts, read off the match before its consequence runs: a handful of rules, and only when they fire.
     */
    private static final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        final Outcome outcome = new Outcome();
        private final Map<String, ChineseTemplate> chinese;
        private Map<String, Object> bound = Map.of();

        Recorder(Map<String, ChineseTemplate> chinese) {
            this.chinese = chinese;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            ChineseTemplate text = chinese.get(event.getMatch().getRule().getName());
            if (text == null || text.bindings().isEmpty()) {
                return;
            }
            Map<String, Object> values = new HashMap<>(4);
            for (String name : text.bindings()) {
                try {
                    values.put(name, event.getMatch().getDeclarationValue(name));
                } catch (RuntimeException e) {
                    // a name the rule does not bind (the compile warned of it): that text stays in English
                }
            }
            bound = values;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            bound = Map.of();
            outcome.fired(event.getMatch().getRule().getName());
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            outcome.inserted(event.getObject(), event.getRule() == null ? null : event.getRule().getName(), bound);
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // result facts are immutable; an update changes nothing the verdict reports, but names a looping rule
            outcome.updated(event.getRule() == null ? null : event.getRule().getName());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            outcome.deleted(event.getOldObject());
        }
    }
}
