package dev.reservewatch.series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.api.MarketSnapshot;
import dev.reservewatch.api.SnapshotReader;
import dev.reservewatch.api.Verdict;
import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.decisions.DecisionLog;
import dev.reservewatch.engine.DecisionEngine;
import dev.reservewatch.engine.Ruleset;
import dev.reservewatch.engine.RulesetService;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.metrics.VerdictMetrics;

/** Reads series (JSON, CSV, FRED downloads), judges them on one ruleset version, and logs each series once. */
@ApplicationScoped
public class SeriesService {

    private final SnapshotReader reader;
    private final RulesetService rulesets;
    private final SeriesJudge judge;
    private final DecisionLog log;
    private final LimitsConfig limits;
    private final ObjectMapper mapper;
    private final VerdictMetrics metrics;

    public SeriesService(SnapshotReader reader, RulesetService rulesets, DecisionEngine engine, DecisionLog log,
            LimitsConfig limits, ObjectMapper mapper, VerdictMetrics metrics) {
        this.reader = reader;
        this.rulesets = rulesets;
        this.judge = new SeriesJudge(engine);
        this.log = log;
        this.limits = limits;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** How much of each verdict a series answer carries. */
    public enum View {
        /** Every verdict in full, as {@code POST /verdicts} gives it. */
        FULL,
        /** asOf, regime, action and signal codes, missing inputs: what a backtest table needs. */
        COMPACT
    }

    public record CompactVerdict(LocalDate asOf, dev.reservewatch.model.ReserveRegime regime, List<String> actions,
            List<String> signals, List<String> missingInputs) {
    }

    /** The answer: {@code verdicts} (full or compact) and the {@code changes} of the action set. */
    public record Answer(String decisionId, String rulesetVersion, int points, List<?> verdicts,
            List<SeriesJudge.Change> changes) {
    }

    public void checkBodySize(byte[] body) {
        long limit = limits.seriesBody().asLongValue();
        if (body.length > limit) {
            throw PayloadTooLargeException.bytes("series", body.length, limit, "limits.series-body");
        }
    }

    public List<MarketSnapshot> readJson(byte[] body) {
        JsonNode root = reader.parse(body);
        if (!root.isArray()) {
            throw BadInputException.of("body", "a series is a JSON array of snapshots (or text/csv)");
        }
        checkPoints(root.size());
        List<MarketSnapshot> points = new ArrayList<>(root.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < root.size() && errors.size() < 100; i++) {
            try {
                points.add(reader.read(root.get(i), "[" + i + "]."));
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

    public Answer judge(List<MarketSnapshot> points, View view) {
        checkPoints(points.size());
        Ruleset ruleset = rulesets.active();
        SeriesJudge.Result result = judge.judge(ruleset, points);
        String id = dev.reservewatch.api.VerdictService.decisionId();
        log.recordSeries(id, ruleset.version(), result);
        result.verdicts().forEach(verdict -> metrics.record(verdict, VerdictMetrics.Source.SERIES));
        List<?> verdicts = view == View.COMPACT ? result.verdicts().stream().map(SeriesService::compact).toList()
                : result.verdicts().stream().map(v -> v.withDecisionId(id)).toList();
        return new Answer(id, ruleset.version(), points.size(), verdicts, result.changes());
    }

    public RunoffCalendar calendar(byte[] json) {
        return json == null ? RunoffCalendar.shipped(mapper) : RunoffCalendar.read(mapper, json);
    }

    private static CompactVerdict compact(Verdict verdict) {
        return new CompactVerdict(verdict.asOf(), verdict.regime(),
                verdict.actions().stream().map(Verdict.Action::code).toList(),
                verdict.signals().stream().map(Verdict.SignalReport::code).distinct().toList(),
                verdict.missingInputs());
    }
}
