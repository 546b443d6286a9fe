package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.model.Input;

/**
 * The weekly history that ships with the service (examples/history/fred-weekly.csv) is exactly what the FRED
 * import builds from the downloads in ../shared/data/fred, 2018 to the last week with reserves: never edited
 * by hand. Rebuild it with {@code ./mvnw test -Dtest=ShippedHistoryTest -Dhistory.write=true}; without the
 * downloads the rebuild is skipped, saying so, and the file is still checked for what the service needs.
 */
class ShippedHistoryTest {

    static final Path FRED = Path.of("../shared/data/fred");
    static final Path SHIPPED = Path.of("examples/history/fred-weekly.csv");
    static final LocalDate FIRST = LocalDate.of(2018, 1, 1);

    @Test
    void theShippedHistoryIsWhatTheImportBuildsFromTheDownloads() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FRED),
                "FRED data not found at " + FRED.toAbsolutePath() + ": the shipped history cannot be rebuilt here");
        List<FredImport.Observations> files = new ArrayList<>();
        for (FredSeries series : FredSeries.values()) {
            files.add(FredImport.parse(series.name(), Files.readString(FRED.resolve(series.name() + ".csv"))));
        }
        RunoffCalendar calendar = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());
        String rebuilt = SeriesCsv.write(FredImport.weekly(files, calendar, FIRST, null, 10_000, 0).points());
        if (Boolean.getBoolean("history.write")) {
            Files.createDirectories(SHIPPED.getParent());
            Files.writeString(SHIPPED, rebuilt);
            return;
        }
        assertThat(Files.readString(SHIPPED)).as("%s differs from what the import builds: rebuild it with "
                + "./mvnw test -Dtest=ShippedHistoryTest -Dhistory.write=true", SHIPPED).isEqualTo(rebuilt);
    }

    @Test
    void theShippedHistoryReadsAsASeriesOfWednesdaysWithEveryFieldTheBacktestNeeds() throws IOException {
        List<MarketSnapshot> points = SeriesCsv.read(Files.readString(SHIPPED).getBytes(StandardCharsets.UTF_8),
                SnapshotReader.standalone(), Integer.MAX_VALUE);
        assertThat(points).hasSizeGreaterThan(400);
        assertThat(points.get(0).asOf()).isEqualTo(LocalDate.of(2018, 1, 3));
        assertThat(points).allMatch(point -> point.asOf().getDayOfWeek() == DayOfWeek.WEDNESDAY);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.value(Input.RESERVE_BALANCES_BN)).isNotNull();
            assertThat(point.value(Input.BANK_TOTAL_ASSETS_BN)).isNotNull();
            assertThat(point.runoff()).isNotNull();
        });
        assertThat(points).filteredOn(point -> point.asOf().getYear() == 2025).allSatisfy(point -> {
            assertThat(point.value(Input.CPI_YOY_PCT)).isNotNull();
            assertThat(point.value(Input.SRF_TAKEUP_BN)).isNotNull();
        });
    }
}
