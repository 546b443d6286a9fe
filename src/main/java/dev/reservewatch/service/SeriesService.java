package dev.reservewatch.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SeriesView;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;

/**
 * Reads series (JSON, CSV, FRED downloads) and starts their answers ({@link SeriesRun}): each series judged on one
 * ruleset version, its verdicts streamed into the answer as they are judged, and logged once.
 */
@ApplicationScoped
public class SeriesService {

    private final SnapshotReader reader;
    private final ActiveRuleset rulesets;
    private final SeriesJudge judge;
    private final DecisionLog log;
    private final LimitsConfig limits;
    private final ObjectMapper mapper;
    private final VerdictMetrics metrics;
    /** The shipped policy calendar, read on first use (it never changes while the service runs). */
    private volatile RunoffCalendar shippedCalendar;

    public SeriesService(SnapshotReader reader, ActiveRuleset rulesets, DecisionEngine engine, DecisionLog log,
            LimitsConfig limits, ObjectMapper mapper, VerdictMetrics metrics) {
        this.reader = reader;
        this.rulesets = rulesets;
        this.judge = new SeriesJudge(engine);
        this.log = log;
        this.limits = limits;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    public void checkBodySize(byte[] body) {
        PayloadTooLargeException.checkBytes("series", body.length, limits.seriesBody().asLongValue(),
                "limits.series-body");
    }

    public List<MarketSnapshot> readJson(byte[] body) {
        return readJson(reader.parse(body), "");
    }

    /** A series from a JSON array of snapshots; {@code path} names where it sits in the body (for errors). */
    public List<MarketSnapshot> readJson(JsonNode root, String path) {
        if (!root.isArray()) {
            throw BadInputException.of(path.isEmpty() ? "body" : path,
                    "a series is a JSON array of snapshots (or text/csv)");
        }
        checkPoints(root.size());
        List<MarketSnapshot> points = new ArrayList<>(root.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < root.size() && errors.size() < 100; i++) {
            try {
                points.add(reader.read(root.get(i), path + "[" + i + "]."));
            } catch (BadInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("The series has " + errors.size() + " problem(s), first: "
                    + errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return points;
    }

    public List<MarketSnapshot> readCsv(byte[] body) {
        return SeriesCsv.read(body, reader, limits.seriesPoints());
    }

    public void checkPoints(int count) {
        if (count > limits.seriesPoints()) {
            throw PayloadTooLargeException.count("The series", count, "points", limits.seriesPoints(),
                    "limits.series-points", "Split it into several requests.");
        }
        if (count == 0) {
            throw BadInputException.of("body", "the series has no points");
        }
    }

    /**
     * Starts the answer to a series: bounds the points, puts them in date order (refusing duplicate dates), takes the
     * active ruleset and judges the first point reported, all before the answer starts, so that whatever refuses the
     * series is answered with a problem document; {@link SeriesRun#forEach} then judges the rest as the answer is
     * written. Judges the points from {@code reportFrom} on (all when null), those before it serving as history
     * only; {@code withSnapshots} adds the judged points to the answer.
     */
    public SeriesRun start(List<MarketSnapshot> points, LocalDate reportFrom, SeriesView view, boolean withSnapshots) {
        List<MarketSnapshot> reported = reportFrom == null ? points
                : points.stream().filter(point -> !point.asOf().isBefore(reportFrom)).toList();
        checkPoints(reported.size());
        Ruleset ruleset = rulesets.active();
        SeriesJudge.Judging judging = judge.start(ruleset, points, reportFrom);
        List<MarketSnapshot> snapshots = withSnapshots ? SeriesJudge.inDateOrder(reported) : null;
        return new SeriesRun(VerdictService.decisionId(), ruleset.version(), reported.size(), view, snapshots, judging,
                log, metrics).judgeFirst();
    }

    /** The calendar sent with a backtest, or the shipped one when none was. */
    public RunoffCalendar calendar(byte[] json) {
        if (json != null) {
            return RunoffCalendar.read(mapper, json);
        }
        RunoffCalendar shipped = shippedCalendar;
        if (shipped == null) {
            shipped = RunoffCalendar.shipped(mapper);
            shippedCalendar = shipped;
        }
        return shipped;
    }
}
