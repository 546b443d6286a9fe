package dev.reservewatch.service;

import java.io.IOException;
import java.util.List;

import dev.reservewatch.contract.CompactVerdict;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.RuleExecutionException;
import dev.reservewatch.engine.evaluation.SeriesJudge;

/**
 * A series answer under way ({@link SeriesService#start}): everything that can refuse it has been checked and its
 * first point judged; {@link #forEach} judges the rest, handing each verdict, in the answer's view, to the writer of
 * the answer as soon as it is judged, and keeps none of them. Once the series is done, or has stopped, it is logged
 * as one line ({@link DecisionLog#recordSeries}); each point is counted in the metrics as it is judged. For one
 * thread, once.
 */
public final class SeriesRun {

    /** Where each verdict goes as it is judged: the answer being written. */
    @FunctionalInterface
    public interface Sink {
        void accept(Object verdict) throws IOException;
    }

    private final String decisionId;
    private final String rulesetVersion;
    private final int points;
    private final SeriesView view;
    private final List<MarketSnapshot> snapshots;
    private final SeriesJudge.Judging judging;
    private final DecisionLog log;
    private final VerdictMetrics metrics;
    private Verdict first;
    private boolean started;

    SeriesRun(String decisionId, String rulesetVersion, int points, SeriesView view, List<MarketSnapshot> snapshots,
            SeriesJudge.Judging judging, DecisionLog log, VerdictMetrics metrics) {
        this.decisionId = decisionId;
        this.rulesetVersion = rulesetVersion;
        this.points = points;
        this.view = view;
        this.snapshots = snapshots;
        this.judging = judging;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Judges the first point, before the answer starts: a rule failing on it is answered with a problem document,
     * and the series logged as failed.
     */
    SeriesRun judgeFirst() {
        first = judged();
        return this;
    }

    public String decisionId() {
        return decisionId;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** How many points the answer reports. */
    public int points() {
        return points;
    }

    /** The points judged, in date order, when the answer carries them ({@code snapshots=true}); otherwise null. */
    public List<MarketSnapshot> snapshots() {
        return snapshots;
    }

    /**
     * Hands every verdict, the first one included, to {@code sink} in date order, each as soon as it is judged: the
     * full verdict under the series' decision id, or its codes ({@link CompactVerdict}) in the compact view.
     *
     * @return the points judged, their span and the changes of the action set
     * @throws RuleExecutionException when a rule fails on a point, naming its date; the series is logged as failed
     * @throws IOException when the sink cannot take a verdict (the client went away); logged as failed too
     */
    public SeriesJudge.Summary forEach(Sink sink) throws IOException {
        if (started) {
            throw new IllegalStateException("a series answer is written once");
        }
        started = true;
        try {
            Verdict verdict = first;
            first = null; // from here on, each verdict lives only until it is written
            while (verdict != null) {
                sink.accept(view == SeriesView.CODES ? CompactVerdict.of(verdict) : verdict.withDecisionId(decisionId));
                verdict = judging.hasNext() ? judged() : null;
            }
        } catch (IOException | RuntimeException | Error e) {
            failed(e);
            throw e;
        }
        SeriesJudge.Summary summary = judging.summary();
        log.recordSeries(decisionId, rulesetVersion, summary, null);
        return summary;
    }

    private Verdict judged() {
        Verdict verdict;
        try {
            verdict = judging.next();
        } catch (RuntimeException | Error e) {
            if (!started) {
                failed(e); // the first point: no answer will be written, the problem document says why
            }
            throw e;
        }
        metrics.record(verdict, VerdictMetrics.Source.SERIES);
        return verdict;
    }

    private void failed(Throwable e) {
        DecisionLog.SeriesFailure failure = e instanceof RuleExecutionException rule
                ? new DecisionLog.SeriesFailure(rule.asOf(), rule.rule(), rule.file(), rule.getMessage())
                : new DecisionLog.SeriesFailure(null, null, null, e instanceof IOException
                        ? "the answer could not be written: the client went away"
                        : "the service failed (" + e.getClass().getSimpleName() + ")");
        log.recordSeries(decisionId, rulesetVersion, judging.summary(), failure);
    }
}
