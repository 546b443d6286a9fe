package dev.reservewatch.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.config.TrendsConfig;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PolicyEvent;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.model.TrendWindows;

/**
 * Backtests: the active rules over FRED downloads ({@code POST /backtests/fred}) or over the weekly history
 * that ships with the service ({@code GET /backtests/shipped}), week by week, as a series. A backtest reports
 * the weeks from {@code from} to {@code to}; the weeks before {@code from}, as far back as the trend windows
 * reach, are its history, so its first weeks see their trends as a backtest of the whole span would.
 */
@ApplicationScoped
public class BacktestService {

    /** The weekly history that ships with the service, built from FRED downloads (docs/backtesting.md). */
    public static final String SHIPPED_HISTORY = "/examples/history/fred-weekly.csv";

    private final SeriesService series;
    private final LimitsConfig limits;
    private final TrendsConfig trends;
    private final SnapshotReader reader;
    private volatile List<MarketSnapshot> shipped;

    public BacktestService(SeriesService series, LimitsConfig limits, TrendsConfig trends, SnapshotReader reader) {
        this.series = series;
        this.limits = limits;
        this.trends = trends;
        this.reader = reader;
    }

    /**
     * FRED downloads (code to CSV text), a policy calendar (null: the shipped one), the span, the view, and whether
     * the answer carries the weekly points built.
     */
    public SeriesRun fred(Map<String, String> downloads, byte[] policy, LocalDate from, LocalDate to, SeriesView view,
            boolean withSnapshots) {
        List<FredImport.Observations> observations = downloads.entrySet().stream()
                .map(download -> FredImport.parse(download.getKey(), download.getValue())).toList();
        if (observations.isEmpty()) {
            throw BadInputException.of("body", "send at least one FRED CSV, as a part named by its series code");
        }
        FredImport.Weekly weekly = FredImport.weekly(observations, series.calendar(policy), from, to,
                limits.seriesPoints(), historyDays());
        return series.start(weekly.points(), weekly.reportFrom(), view, withSnapshots);
    }

    /**
     * The shipped weekly history from {@code from} to {@code to} (either may be null: its first or last week), with
     * the weekly points in the answer when {@code withSnapshots}.
     */
    public SeriesRun shipped(LocalDate from, LocalDate to, SeriesView view, boolean withSnapshots) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BadInputException.of("from", "is after to (" + from + " > " + to + ")");
        }
        List<MarketSnapshot> history = shippedHistory();
        LocalDate first = history.get(0).asOf();
        LocalDate reportFrom = from == null || from.isBefore(first) ? first : from;
        LocalDate historyFrom = reportFrom.minusDays(historyDays());
        List<MarketSnapshot> points = history.stream()
                .filter(point -> !point.asOf().isBefore(historyFrom) && (to == null || !point.asOf().isAfter(to)))
                .toList();
        if (points.stream().noneMatch(point -> !point.asOf().isBefore(reportFrom))) {
            throw BadInputException.of(from != null ? "from" : "to", "leaves no week of the shipped history, which "
                    + "runs from " + first + " to " + history.get(history.size() - 1).asOf());
        }
        return series.start(points, reportFrom, view, withSnapshots);
    }

    /** The policy calendar that ships with the service, which backtests use unless an upload sends its own. */
    public List<PolicyEvent> shippedCalendar() {
        return series.calendar(null).events();
    }

    /** The shipped history's points, read once. */
    public List<MarketSnapshot> shippedHistory() {
        List<MarketSnapshot> points = shipped;
        if (points == null) {
            try (InputStream in = BacktestService.class.getResourceAsStream(SHIPPED_HISTORY)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped history " + SHIPPED_HISTORY + " is not in the build");
                }
                points = List.copyOf(SeriesCsv.read(in.readAllBytes(), reader, Integer.MAX_VALUE));
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped history cannot be read", e);
            }
            shipped = points;
        }
        return points;
    }

    /** How far back a point's figures reach into its history ({@link TrendWindows#historyDays()}). */
    int historyDays() {
        return new TrendWindows(trends.shortDays(), trends.longDays()).historyDays();
    }
}
