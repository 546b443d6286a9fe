package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.error.BadInputException;

class FredImportTest {

    private static final RunoffCalendar CALENDAR = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());

    @Test
    void acceptsTheThreeHeaderStylesAndSkipsEmptyObservations() {
        assertThat(FredImport.parse("EFFR", "observation_date,EFFR\n2025-10-01,4.09\n2025-10-02,\n").values())
                .containsOnlyKeys(LocalDate.of(2025, 10, 1));
        assertThat(FredImport.parse("EFFR", "DATE,EFFR\n2025-10-01,4.09\n2025-10-02,.\n").values()).hasSize(1);
        assertThat(FredImport.parse("WRESBAL", "Date,Value\n2025-10-01,2966000\n").values())
                .containsEntry(LocalDate.of(2025, 10, 1), 2966.0);
    }

    @Test
    void refusesUnknownCodesMismatchedHeadersAndBadRows() {
        assertThatThrownBy(() -> FredImport.parse("GDP", "Date,Value\n")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("GDP");
        assertThatThrownBy(() -> FredImport.parse("EFFR", "observation_date,SOFR\n2025-10-01,4.2\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("EFFR line 1");
        assertThatThrownBy(() -> FredImport.parse("EFFR", "Date,Value\n2025-10-01,4.2\n2025-13-01,4.3\n2025-10-03,high\n"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("EFFR line 3 column 1", "EFFR line 4 column 2"));
    }

    @Test
    void buildsWednesdayPointsByAsOfJoinWithUnitsAndPolicy() {
        List<FredImport.Observations> files = List.of(
                FredImport.parse("WRESBAL", "Date,Value\n2019-07-31,1535000\n2019-08-07,1539000\n"),
                FredImport.parse("EFFR", "Date,Value\n2019-08-05,2.12\n2019-08-06,2.11\n"),
                FredImport.parse("IOER", "Date,Value\n2019-08-01,2.10\n"),
                FredImport.parse("IORB", "Date,Value\n2021-07-29,0.15\n"),
                FredImport.parse("SOFR", "Date,Value\n2019-06-01,2.40\n"));
        List<MarketSnapshot> points = FredImport.weekly(files, CALENDAR, LocalDate.of(2019, 7, 29), LocalDate.of(2019, 8, 9), 10_000);
        assertThat(points).extracting(MarketSnapshot::asOf).containsExactly(LocalDate.of(2019, 7, 31), LocalDate.of(2019, 8, 7));
        assertThat(points).allMatch(p -> p.asOf().getDayOfWeek() == DayOfWeek.WEDNESDAY);
        MarketSnapshot august = points.get(1);
        assertThat(august.reserveBalancesBn()).isEqualTo(1539.0);
        assertThat(august.effrPct()).isEqualTo(2.11);
        assertThat(august.iorbPct()).as("IOER before IORB began").isEqualTo(2.10);
        assertThat(august.sofrPct()).as("older than two weeks: absent").isNull();
        assertThat(points.get(0).runoff().active()).isTrue();
        assertThat(august.runoff().active()).as("runoff ended 2019-08-01").isFalse();
        assertThat(points.get(0).iorbPct()).as("no IOER observation yet on 2019-07-31").isNull();
    }

    @Test
    void theShippedCalendarFollowsThePublicRecord() {
        assertThat(CALENDAR.on(LocalDate.of(2017, 9, 30))).isNull();
        assertThat(CALENDAR.on(LocalDate.of(2022, 6, 15)).treasuryCapBn()).isEqualTo(30.0);
        assertThat(CALENDAR.on(LocalDate.of(2024, 6, 5)).treasuryCapBn()).isEqualTo(25.0);
        assertThat(CALENDAR.on(LocalDate.of(2025, 12, 3)).active()).isFalse();
    }
}
