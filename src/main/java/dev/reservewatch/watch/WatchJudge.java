package dev.reservewatch.watch;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.config.TrendsConfig;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.RefusedException;
import dev.reservewatch.model.TrendWindows;
import dev.reservewatch.service.FredImport;
import dev.reservewatch.service.RunoffCalendar;
import dev.reservewatch.service.SeriesRun;
import dev.reservewatch.service.SeriesService;

/**
 * Judges what the watch fetched: after each fetch, and whenever a new version of the rules becomes active, the kept
 * series become weekly points exactly as a FRED upload does ({@link FredImport#weekly}: publication lags, no look-ahead),
 * every week since {@link #FIRST_WEEK} is judged with the points before it as history, and the weeks go to the watch,
 * which makes the latest week {@code latest} in {@code GET /watch} and raises the alerts. The weekly points are kept
 * for {@code GET /watch/history}.
 */
@ApplicationScoped
public class WatchJudge {

    /** The first week the watch judges and reports: the weekly history starts with the runoff of 2018. */
    public static final LocalDate FIRST_WEEK = LocalDate.of(2018, 1, 1);

    private static final Logger LOG = Logger.getLogger(WatchJudge.class);

    private final WatchService watch;
    private final ActiveRuleset rulesets;
    private final SeriesJudge judge;
    private final SeriesService series;
    private final LimitsConfig limits;
    private final TrendsConfig trends;
    /** Re-judging after a rule edit runs here, off the thread that activated the rules. */
    private final ExecutorService rejudging = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "watch-judge");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Weeks weeks;

    /** The weekly points built from the kept data, the first reported, and the version that judged them last. */
    record Weeks(List<MarketSnapshot> points, LocalDate reportFrom, String version) {
    }

    public WatchJudge(WatchService watch, ActiveRuleset rulesets, DecisionEngine engine, SeriesService series,
            LimitsConfig limits, TrendsConfig trends) {
        this.watch = watch;
        this.rulesets = rulesets;
        this.judge = new SeriesJudge(engine);
        this.series = series;
        this.limits = limits;
        this.trends = trends;
    }

    /** Registered after the watch and the rules have started (their start-up observers run first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        if (!watch.enabled()) {
            return;
        }
        watch.afterFetch(run -> judge("after a fetch"));
        rulesets.onActivation(ruleset -> rejudging.execute(() -> judge("with the rules of " + ruleset.version())));
    }

    void onStop(@Observes ShutdownEvent event) {
        rejudging.shutdownNow();
    }

    /** Builds the weekly points from the kept data and judges them; returns the weeks judged (none without data). */
    public synchronized List<Verdict> judge(String why) {
        List<FredImport.Observations> kept = watch.observations();
        if (kept.stream().allMatch(observations -> observations.values().isEmpty())) {
            return List.of();
        }
        Ruleset ruleset = rulesets.current().orElse(null);
        if (ruleset == null) {
            return List.of(); // judged once the first version of the rules is active
        }
        Judged judged;
        try {
            judged = judge(kept, series.calendar(null), ruleset, judge, limits.seriesPoints(),
                    new TrendWindows(trends.shortDays(), trends.longDays()).historyDays());
        } catch (BadInputException e) {
            LOG.warnf("The watch's data cannot be judged yet: %s", e.getMessage());
            return List.of();
        }
        List<Verdict> verdicts = judged.verdicts();
        weeks = new Weeks(judged.weekly().points(), judged.weekly().reportFrom(), ruleset.version());
        List<?> alerts = watch.judged(verdicts);
        LOG.infof("The watch judged %d weeks %s, to %s: %s; %d alert(s) raised", verdicts.size(), why,
                verdicts.isEmpty() ? "-" : verdicts.get(verdicts.size() - 1).asOf(),
                verdicts.isEmpty() ? "-" : verdicts.get(verdicts.size() - 1).regime(), alerts.size());
        return verdicts;
    }

    /** The weekly points built from the kept data and their verdicts, from {@link #FIRST_WEEK}. */
    public record Judged(FredImport.Weekly weekly, List<Verdict> verdicts) {
    }

    /**
     * The kept series as weekly points, exactly as a FRED upload becomes them, judged week by week with the points
     * before each as its history: what the watch does after each fetch, without the service around it.
     */
    public static Judged judge(List<FredImport.Observations> kept, RunoffCalendar calendar, Ruleset ruleset,
            SeriesJudge judge, int maxPoints, int historyDays) {
        FredImport.Weekly weekly = FredImport.weekly(kept, calendar, FIRST_WEEK, null, maxPoints, historyDays);
        return new Judged(weekly, judge.judge(ruleset, weekly.points(), weekly.reportFrom()).verdicts());
    }

    /**
     * {@code GET /watch/history}: the weekly points built from the fetched data, judged as a series with the active
     * rules, as {@code GET /backtests/shipped} answers for the shipped history.
     */
    public SeriesRun history(LocalDate from, LocalDate to, SeriesView view, boolean withSnapshots) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BadInputException.of("from", "is after to (" + from + " > " + to + ")");
        }
        Weeks judged = weeks;
        if (judged == null) {
            throw new RefusedException(409, "Nothing fetched yet", watch.enabled()
                    ? "The watch has not fetched and judged any week yet: try again once its first fetch is done."
                    : "The watch is off: no FRED key is configured (WATCH_FRED_API_KEY), so nothing is fetched.",
                    List.of());
        }
        LocalDate reportFrom = from == null || from.isBefore(judged.reportFrom()) ? judged.reportFrom() : from;
        LocalDate historyFrom = reportFrom.minusDays(new TrendWindows(trends.shortDays(), trends.longDays()).historyDays());
        List<MarketSnapshot> points = judged.points().stream()
                .filter(point -> !point.asOf().isBefore(historyFrom) && (to == null || !point.asOf().isAfter(to)))
                .toList();
        if (points.stream().noneMatch(point -> !point.asOf().isBefore(reportFrom))) {
            throw BadInputException.of(from != null ? "from" : "to", "leaves no week of the watch's history, which runs "
                    + "from " + judged.reportFrom() + " to " + judged.points().get(judged.points().size() - 1).asOf());
        }
        return series.start(points, reportFrom, view, withSnapshots);
    }
}
