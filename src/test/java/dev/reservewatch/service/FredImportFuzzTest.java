package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.testing.FiniteAnswers;
import dev.reservewatch.testing.FuzzValues;

/**
 * Any FRED files, read as {@code POST /backtests/fred} reads an upload (and as the watch reads the values it
 * fetched, which it keeps as FRED CSV and hands to the same {@link FredImport#parse}), turned into weekly points and
 * judged: refused with the file, line and column named, or judged into finite verdicts.
 */
class FredImportFuzzTest {

    private static final RunoffCalendar CALENDAR = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules()
            .build());
    private static final SeriesJudge JUDGE = new SeriesJudge(new DecisionEngine());

    @FuzzTest
    void anyFredFilesAreRefusedWithTheirProblemsOrJudgedWithFiniteNumbers(FuzzedDataProvider data) {
        Set<FredSeries> chosen = new LinkedHashSet<>();
        int files = data.consumeInt(1, 4);
        for (int i = 0; i < files; i++) {
            chosen.add(data.pickValue(FredSeries.values()));
        }
        List<FredImport.Observations> all = new ArrayList<>();
        try {
            for (FredSeries series : chosen) {
                all.add(FredImport.parse(series.name(), csv(data, series)));
            }
            FredImport.Weekly weekly = FredImport.weekly(all, CALENDAR, null, null, 30, 119);
            for (Verdict verdict : JUDGE.judge(ShippedRules.ruleset(), weekly.points(), weekly.reportFrom())
                    .verdicts()) {
                assertThat(FiniteAnswers.nonFinite(verdict)).as("non-finite numbers in %s", verdict.asOf()).isEmpty();
            }
        } catch (BadInputException e) {
            assertThat(e.errors()).as("a refusal names its problems").isNotEmpty();
        } catch (PayloadTooLargeException e) {
            assertThat(e.getMessage()).contains("weekly points");
        }
    }

    private static String csv(FuzzedDataProvider data, FredSeries series) {
        StringBuilder text = new StringBuilder(data.pickValue(List.of("observation_date,", "DATE,", "Date,")))
                .append(data.consumeInt(0, 9) == 0 ? "Value" : series.name()).append('\n');
        LocalDate day = LocalDate.of(2024, 1, 3).plusDays(data.consumeInt(-400, 400));
        int rows = data.consumeInt(0, 12);
        for (int r = 0; r < rows; r++) {
            day = day.plusDays(data.consumeInt(1, series.schedule() == FredSeries.Schedule.MONTHLY ? 62 : 9));
            String date = data.consumeInt(0, 9) == 0 ? FuzzValues.date(data)
                    : series.schedule() == FredSeries.Schedule.MONTHLY ? day.withDayOfMonth(1).toString() : day.toString();
            String value;
            if (data.consumeInt(0, 7) == 0) {
                value = data.pickValue(List.of("", ".", "NaN", "1e999", "0x1p3", "abc", "-0"));
            } else {
                double number = FuzzValues.number(data, series.bounds()) / series.scale();
                value = Double.isFinite(number) ? Double.toString(number) : "1e999";
            }
            text.append(date).append(',').append(value).append('\n');
        }
        return text.toString();
    }
}
