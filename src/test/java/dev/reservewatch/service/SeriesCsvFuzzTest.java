package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.model.Input;
import dev.reservewatch.testing.FiniteAnswers;
import dev.reservewatch.testing.FuzzValues;

/**
 * Any series CSV, read as {@code POST /verdicts/series} reads it and judged point by point: refused with its
 * problems named by line and column, or judged into verdicts whose numbers are all finite, the same each time.
 */
class SeriesCsvFuzzTest {

    private static final SnapshotReader READER = SnapshotReader.standalone();
    private static final SeriesJudge JUDGE = new SeriesJudge(new DecisionEngine());
    private static final List<String> CELLS = List.of("", "true", "false", "NaN", "Infinity", "1e999", "0x1p1023",
            "1d", "6540f", "+5", "-", ".", "1,5", "2025-10-24", "\"5\"");

    @FuzzTest
    void anySeriesCsvIsRefusedWithItsProblemsOrJudgedWithFiniteNumbers(FuzzedDataProvider data) {
        byte[] csv = data.consumeBoolean() ? csv(data).getBytes(StandardCharsets.UTF_8) : data.consumeRemainingAsBytes();
        List<MarketSnapshot> points;
        try {
            points = SeriesCsv.read(csv, READER, 12);
            points = SeriesJudge.inDateOrder(points);
        } catch (BadInputException e) {
            assertThat(e.errors()).as("a refusal names its problems").isNotEmpty();
            return;
        } catch (PayloadTooLargeException e) {
            return;
        }
        SeriesJudge.Result result = JUDGE.judge(ShippedRules.ruleset(), points);
        for (Verdict verdict : result.verdicts()) {
            assertThat(FiniteAnswers.nonFinite(verdict)).as("non-finite numbers, series %s",
                    new String(csv, StandardCharsets.UTF_8)).isEmpty();
        }
        assertThat(FiniteAnswers.comparable(JUDGE.judge(ShippedRules.ruleset(), points)))
                .as("the same series, the same verdicts").isEqualTo(FiniteAnswers.comparable(result));
    }

    private static String csv(FuzzedDataProvider data) {
        List<String> columns = new ArrayList<>(List.of("asOf"));
        for (String column : SeriesCsv.columns()) {
            if (!column.equals("asOf") && data.consumeInt(0, 2) == 0) {
                columns.add(column);
            }
        }
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        int rows = data.consumeInt(0, 8);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    text.append(',');
                }
                String column = columns.get(c);
                if (column.equals("asOf")) {
                    text.append(FuzzValues.date(data));
                } else if (column.endsWith("Active")) {
                    text.append(data.pickValue(List.of("true", "false", "", "yes")));
                } else if (data.consumeInt(0, 5) == 0) {
                    text.append(data.pickValue(CELLS));
                } else {
                    double value = FuzzValues.number(data, Input.byField(column).map(Input::bounds)
                            .orElse(dev.reservewatch.contract.Runoff.CAP_BOUNDS));
                    text.append(Double.isFinite(value) ? Double.toString(value) : "Infinity");
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
