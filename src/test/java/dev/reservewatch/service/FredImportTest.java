package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.Input;

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
    void buildsWednesdayPointsFromWhatWasPublishedByEachWednesday() {
        List<FredImport.Observations> files = List.of(
                FredImport.parse("WRESBAL", "Date,Value\n2019-07-24,1530000\n2019-07-31,1535000\n2019-08-07,1539000\n"),
                FredImport.parse("EFFR", "Date,Value\n2019-08-05,2.12\n2019-08-06,2.11\n2019-08-07,2.13\n"),
                FredImport.parse("IOER", "Date,Value\n2019-08-01,2.10\n"),
                FredImport.parse("IORB", "Date,Value\n2021-07-29,0.15\n"),
                FredImport.parse("SOFR", "Date,Value\n2019-06-01,2.40\n"));
        List<MarketSnapshot> points = FredImport.weekly(files, CALENDAR, LocalDate.of(2019, 7, 29),
                LocalDate.of(2019, 8, 9), 10_000, 0).points();
        assertThat(points).extracting(MarketSnapshot::asOf).containsExactly(LocalDate.of(2019, 7, 31), LocalDate.of(2019, 8, 7));
        assertThat(points).allMatch(p -> p.asOf().getDayOfWeek() == DayOfWeek.WEDNESDAY);
        MarketSnapshot august = points.get(1);
        assertThat(august.value(Input.RESERVE_BALANCES_BN)).as("that Wednesday's balance sheet comes out the next day: last week's")
                .isEqualTo(1535.0);
        assertThat(august.value(Input.EFFR_PCT)).as("EFFR comes out the next morning: Tuesday's").isEqualTo(2.11);
        assertThat(august.value(Input.IORB_PCT)).as("IOER before IORB began").isEqualTo(2.10);
        assertThat(august.value(Input.SOFR_PCT)).as("older than two weeks: absent").isNull();
        assertThat(points.get(0).value(Input.RESERVE_BALANCES_BN)).isEqualTo(1530.0);
        assertThat(points.get(0).runoff().active()).isTrue();
        assertThat(august.runoff().active()).as("runoff ended 2019-08-01").isFalse();
        assertThat(points.get(0).value(Input.IORB_PCT)).as("no IOER observation yet on 2019-07-31").isNull();
    }

    @Test
    void readsSofrsPercentilesOfItsOwnDayAndTriPartyRepoOnOrdinaryDaysAtTheSameIorb() {
        // the point of Wednesday 2025-10-29 reads NY Fed figures of 10-22 to 10-28 (out the next morning)
        List<FredImport.Observations> files = List.of(
                FredImport.parse("SOFR", "Date,Value\n2025-10-27,4.31\n2025-10-28,4.34\n"),
                FredImport.parse("SOFR99", "Date,Value\n2025-10-27,4.45\n2025-10-28,4.60\n2025-10-29,9.99\n"),
                // no 25th percentile published for the Tuesday: absent, not Monday's
                FredImport.parse("SOFR25", "Date,Value\n2025-10-27,4.25\n2025-10-28,\n"),
                FredImport.parse("IORB", iorb(LocalDate.of(2025, 10, 15), LocalDate.of(2025, 12, 3))),
                // ordinary days at IORB 4.15, none a premium day: the median of all five
                FredImport.parse("TGCRRATE", "Date,Value\n2025-10-22,4.18\n2025-10-23,4.20\n2025-10-24,4.21\n"
                        + "2025-10-27,4.22\n2025-10-28,4.30\n"),
                FredImport.parse("BGCRRATE", "Date,Value\n2025-10-28,9.99\n"),
                // the Treasury's account: the week's average while it is published, the Wednesday level after
                FredImport.parse("WTREGEN", "Date,Value\n2025-10-22,900000\n"),
                FredImport.parse("WDTGAL", "Date,Value\n2025-10-22,950000\n2025-11-26,870000\n"));
        List<MarketSnapshot> points = FredImport.weekly(files, CALENDAR, LocalDate.of(2025, 10, 29),
                LocalDate.of(2025, 12, 3), 10_000, 0).points();
        MarketSnapshot october = points.get(0);
        assertThat(october.value(Input.SOFR_PCT)).isEqualTo(4.34);
        assertThat(october.value(Input.SOFR99_PCT)).as("the day SOFR describes, not the Wednesday's own").isEqualTo(4.60);
        assertThat(october.value(Input.SOFR25_PCT)).as("none that day: absent, never another day's").isNull();
        assertThat(october.value(Input.TGCR_PCT)).as("median of the week's days at IORB 4.15, TGCR before BGCR")
                .isEqualTo(4.21);
        assertThat(october.value(Input.TREASURY_GENERAL_ACCOUNT_BN)).as("WTREGEN, listed first").isEqualTo(900.0);
        MarketSnapshot december = points.get(points.size() - 1);
        assertThat(december.value(Input.TREASURY_GENERAL_ACCOUNT_BN)).as("WTREGEN stale: WDTGAL").isEqualTo(870.0);

        // the point of 2025-11-05 reads 10-29 to 11-04: 10-31, a month's last business day, pays a premium and
        // is left out; 10-30 and 11-03 are at the new IORB 3.90 and so are 11-04's 3.95: the median of those
        List<FredImport.Observations> monthEnd = List.of(
                FredImport.parse("IORB", iorb(LocalDate.of(2025, 10, 15), LocalDate.of(2025, 11, 5))),
                FredImport.parse("TGCRRATE", "Date,Value\n2025-10-29,4.24\n2025-10-30,3.92\n2025-10-31,4.15\n"
                        + "2025-11-03,3.99\n2025-11-04,3.95\n"));
        MarketSnapshot afterMonthEnd = FredImport.weekly(monthEnd, CALENDAR, LocalDate.of(2025, 11, 5),
                LocalDate.of(2025, 11, 5), 10_000, 0).points().get(0);
        assertThat(afterMonthEnd.value(Input.IORB_PCT)).isEqualTo(3.90);
        assertThat(afterMonthEnd.value(Input.TGCR_PCT)).as("10-29 at the old IORB and 10-31, 11-03 (premium days) left out")
                .isEqualTo(3.935);
    }

    /** IORB as FRED publishes it, every day: 4.15%, then 3.90% from the October 2025 cut (effective 2025-10-30). */
    private static String iorb(LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder("Date,Value\n");
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            csv.append(day).append(day.isBefore(LocalDate.of(2025, 10, 30)) ? ",4.15\n" : ",3.90\n");
        }
        return csv.toString();
    }

    @Test
    void seesEachFigureOnlyOnceItIsPublished() {
        List<FredImport.Observations> files = List.of(
                FredImport.parse("WRESBAL", "Date,Value\n2025-10-01,3000000\n2025-10-08,3000000\n2025-10-15,3000000\n"
                        + "2025-10-22,3000000\n2025-10-29,3000000\n2025-11-05,3000000\n"),
                // the banks' balance sheet of a Wednesday comes out nine days later
                FredImport.parse("TLAACBW027SBOG", "Date,Value\n2025-10-08,23000\n2025-10-15,23100\n2025-10-22,23200\n"),
                // September's CPI counts from 2025-10-14, two weeks after September ends
                FredImport.parse("CPIAUCSL", "Date,Value\n2024-08-01,100\n2024-09-01,100\n2025-08-01,102.9\n"
                        + "2025-09-01,103.0\n"));
        Map<LocalDate, MarketSnapshot> points = byDate(FredImport.weekly(files, CALENDAR, LocalDate.of(2025, 10, 8),
                LocalDate.of(2025, 11, 5), 10_000, 0).points());
        assertThat(points.get(LocalDate.of(2025, 10, 22)).value(Input.BANK_TOTAL_ASSETS_BN)).as("the 10-08 figure, out 10-17")
                .isEqualTo(23000.0);
        assertThat(points.get(LocalDate.of(2025, 10, 29)).value(Input.BANK_TOTAL_ASSETS_BN)).as("the 10-15 figure, out 10-24")
                .isEqualTo(23100.0);
        assertThat(points.get(LocalDate.of(2025, 10, 8)).value(Input.CPI_YOY_PCT)).as("August, on a year earlier").isEqualTo(2.9);
        assertThat(points.get(LocalDate.of(2025, 10, 15)).value(Input.CPI_YOY_PCT)).as("September, out 10-14").isEqualTo(3.0);
    }

    @Test
    void keepsTheWeeksHighestStandingRepoTakeUpAndNothingBeforeTheFacilityStood() {
        List<FredImport.Observations> files = List.of(
                FredImport.parse("WRESBAL", "Date,Value\n2021-07-21,3000000\n2025-10-22,3000000\n2025-10-29,3000000\n"),
                FredImport.parse("RPONTTLD", "DATE,RPONTTLD\n2021-07-27,4.0\n2025-10-30,1.0\n2025-10-31,50.35\n"
                        + "2025-11-03,0.0\n2025-11-05,3.0\n2025-11-12,0.5\n"));
        Map<LocalDate, MarketSnapshot> points = byDate(FredImport.weekly(files, CALENDAR, LocalDate.of(2021, 7, 28),
                LocalDate.of(2025, 11, 12), 10_000, 0).points());
        assertThat(points.get(LocalDate.of(2021, 7, 28)).value(Input.SRF_TAKEUP_BN)).as("before the facility stood").isNull();
        assertThat(points.get(LocalDate.of(2025, 10, 29)).value(Input.SRF_TAKEUP_BN)).isNull();
        assertThat(points.get(LocalDate.of(2025, 11, 5)).value(Input.SRF_TAKEUP_BN)).as("the month-end Friday's spike stays")
                .isEqualTo(50.35);
        assertThat(points.get(LocalDate.of(2025, 11, 12)).value(Input.SRF_TAKEUP_BN)).as("the next week's own high").isEqualTo(0.5);
    }

    @Test
    void addsTheWeeksBeforeFromAsHistoryOnly() {
        List<FredImport.Observations> files = List.of(FredImport.parse("WRESBAL",
                "Date,Value\n2025-01-01,3000000\n2025-06-25,3000000\n"));
        FredImport.Weekly weekly = FredImport.weekly(files, CALENDAR, LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 30),
                10_000, 28);
        assertThat(weekly.reportFrom()).isEqualTo(LocalDate.of(2025, 4, 2));
        assertThat(weekly.points()).first().extracting(MarketSnapshot::asOf).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(weekly.reported()).isEqualTo(5);
    }

    private static Map<LocalDate, MarketSnapshot> byDate(List<MarketSnapshot> points) {
        Map<LocalDate, MarketSnapshot> byDate = new java.util.TreeMap<>();
        points.forEach(point -> byDate.put(point.asOf(), point));
        return byDate;
    }

    @Test
    void theShippedCalendarFollowsThePublicRecord() {
        assertThat(CALENDAR.on(LocalDate.of(2017, 9, 30))).isNull();
        assertThat(CALENDAR.on(LocalDate.of(2022, 6, 15)).treasuryCapBn()).isEqualTo(30.0);
        assertThat(CALENDAR.on(LocalDate.of(2024, 6, 5)).treasuryCapBn()).isEqualTo(25.0);
        assertThat(CALENDAR.on(LocalDate.of(2025, 12, 3)).active()).isFalse();
        assertThat(CALENDAR.on(LocalDate.of(2019, 10, 16)).purchasesActive()).as("bill purchases are not QE").isFalse();
        assertThat(CALENDAR.on(LocalDate.of(2020, 4, 1)).purchasesActive()).isTrue();
        assertThat(CALENDAR.on(LocalDate.of(2021, 12, 29)).purchasesActive()).as("tapering, still buying").isTrue();
        assertThat(CALENDAR.on(LocalDate.of(2022, 3, 16)).purchasesActive()).isFalse();
    }

    @Test
    void refusesValuesBeyondTheFieldsBoundsAfterTheUnitIsConvertedAndDatesBeyondTheCenturies() {
        assertThat(FredImport.parse("WALCL", "DATE,WALCL\n2025-10-22,6590000\n").values()).containsValue(6590.0);
        assertThatThrownBy(() -> FredImport.parse("WALCL", "DATE,WALCL\n2025-10-22,6590000000\n2025-10-29,1e-320\n"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("WALCL line 2 column 2", "WALCL line 3 column 2");
                    assertThat(e.errors().get(0).message()).startsWith("must be from 1 to 50,000 ($bn, read from FRED's "
                            + "millions of dollars) (was 6590000000)").contains("divide by 1,000");
                });
        assertThatThrownBy(() -> FredImport.parse("EFFR", "DATE,EFFR\n+999999999-12-31,4.1\n2025-10-01,0x1p3\n"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.errors()).extracting(FieldError::message)
                        .containsExactly("must be a date from 1900-01-01 to 2199-12-31 (was +999999999-12-31)",
                                "not a number: '0x1p3'"));
    }

    @Test
    void refusesAPriceIndexWhoseChangeOnAYearIsBeyondItsFiguresBounds() {
        FredImport.Observations index = FredImport.parse("CPIAUCSL",
                "DATE,CPIAUCSL\n2023-01-01,1\n2024-01-01,100000\n");
        assertThatThrownBy(() -> FredImport.weekly(List.of(index), CALENDAR, null, null, 10_000, 0))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("CPIAUCSL 2024-01-01");
                            assertThat(error.message()).contains("9,999,900%", "from -50 to 100");
                        }));
    }
}
