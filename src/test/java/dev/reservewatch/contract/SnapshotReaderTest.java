package dev.reservewatch.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.Input;

class SnapshotReaderTest {

    private final SnapshotReader reader = SnapshotReader.standalone();

    private List<FieldError> errorsOf(String json) {
        try {
            reader.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (BadInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void readsAFullSnapshotWithRunoffAndHistory() {
        MarketSnapshot snapshot = reader.read("""
                {"asOf": "2025-10-24", "reserveBalancesBn": 2930, "iorbPct": 5.15, "effrPct": -0.05,
                 "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35},
                 "history": [{"asOf": "2025-10-17", "reserveBalancesBn": 2950}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.value(Input.RESERVE_BALANCES_BN)).isEqualTo(2930.0);
        assertThat(snapshot.runoff().treasuryCapBn()).isEqualTo(5.0);
        assertThat(snapshot.history()).singleElement().extracting((MarketSnapshot s) -> s.value(Input.RESERVE_BALANCES_BN)).isEqualTo(2950.0);
        assertThat(snapshot.value(Input.FED_TOTAL_ASSETS_BN)).as("absent stays unknown").isNull();
    }

    @Test
    void rejectsUnknownFieldsAndSuggestsTheIntendedName() {
        List<FieldError> errors = errorsOf("{\"asOf\": \"2025-10-24\", \"reserveBalanceBn\": 2930, \"colour\": 1}");
        assertThat(fields(errors)).containsExactly("colour", "reserveBalanceBn");
        assertThat(errors.get(1).message()).contains("unknown field", "did you mean 'reserveBalancesBn'");
    }

    @Test
    void refusesSofrPercentilesThatDoNotRiseNamingEachOutOfOrder() {
        List<FieldError> errors = errorsOf("""
                {"asOf": "2025-10-28", "sofr1Pct": 4.30, "sofr25Pct": 4.25, "sofrPct": 4.31, "sofr75Pct": 4.36,
                 "sofr99Pct": 4.20}
                """);
        assertThat(fields(errors)).containsExactlyInAnyOrder("sofr25Pct", "sofr99Pct");
        assertThat(errors).filteredOn(e -> e.field().equals("sofr25Pct")).singleElement()
                .extracting(FieldError::message).asString().contains("below sofr1Pct");
        // those given are checked, whatever is left out; equal neighbours are in order
        assertThat(SnapshotReader.standalone().read("""
                {"asOf": "2025-10-28", "sofr1Pct": 4.25, "sofrPct": 4.25, "sofr99Pct": 4.40}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).value(Input.SOFR99_PCT)).isEqualTo(4.40);
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        List<FieldError> errors = errorsOf("""
                {"asOf": "2025-10-24", "reserveBalancesBn": -1, "effrPct": "5.2", "largeBankExcessReserveRatioPct": 140,
                 "fedTotalAssetsBn": 0, "targetRangeLowPct": 5.25, "targetRangeHighPct": 5.0,
                 "runoff": {"active": "yes", "treasuryCapBn": -5}, "srfTakeupBn": true}
                """);
        assertThat(fields(errors)).containsExactlyInAnyOrder("reserveBalancesBn", "effrPct",
                "largeBankExcessReserveRatioPct", "fedTotalAssetsBn", "targetRangeLowPct", "runoff.active",
                "runoff.treasuryCapBn", "srfTakeupBn");
        assertThat(errors).filteredOn(e -> e.field().equals("effrPct")).singleElement()
                .extracting(FieldError::message).asString().contains("JSON number", "string");
        assertThat(errors).filteredOn(e -> e.field().equals("reserveBalancesBn")).singleElement()
                .extracting(FieldError::message).asString().contains("-1");
    }

    @Test
    void rejectsAKeyGivenTwice() {
        List<FieldError> errors = errorsOf("{\"asOf\": \"2025-10-24\", \"effrPct\": 5.2, \"effrPct\": 5.3}");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("effrPct");
            assertThat(e.message()).contains("twice");
        });
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThat(fields(errorsOf("{\"asOf\": \"2025-10-24\", \"effrPct\": NaN}"))).containsExactly("effrPct");
        assertThat(errorsOf("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": 1e400}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("finite"));
        assertThat(fields(errorsOf("{\"asOf\": \"2025-10-24\", \"iorbPct\": -Infinity}"))).containsExactly("iorbPct");
    }

    @Test
    void rejectsImpossibleAndMissingDates() {
        assertThat(errorsOf("{\"asOf\": \"2025-02-30\"}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not a real ISO date"));
        assertThat(fields(errorsOf("{\"asOf\": 20251024}"))).containsExactly("asOf");
        assertThat(errorsOf("{\"reserveBalancesBn\": 1}")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("asOf"));
    }

    @Test
    void historyHoldsOnlyEarlierObservationsWithoutTheirOwnHistory() {
        List<FieldError> errors = errorsOf("""
                {"asOf": "2025-10-24", "history": [
                  {"asOf": "2025-10-31", "reserveBalancesBn": 1},
                  {"asOf": "2025-10-17", "history": [{"asOf": "2025-10-16"}]},
                  {"asOf": "2025-10-10", "effrPct": "x"},
                  7
                ]}
                """);
        assertThat(fields(errors)).containsExactly("history[0].asOf", "history[1].history", "history[2].effrPct",
                "history[3]");
    }

    @Test
    void readsAnEmptyOrNullHistoryOnAnEntryOrAPointAsAbsent() {
        // what a client generated from the API description sends: every entry with "history": [] or null
        MarketSnapshot snapshot = reader.read("""
                {"asOf": "2025-10-24", "history": [
                  {"asOf": "2025-10-17", "reserveBalancesBn": 2950, "history": []},
                  {"asOf": "2025-10-10", "reserveBalancesBn": 2990, "history": null}
                ]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.history()).hasSize(2).allSatisfy(entry -> assertThat(entry.history()).isNull());
        assertThat(reader.read("{\"asOf\": \"2025-10-24\", \"history\": []}".getBytes(StandardCharsets.UTF_8))
                .history()).isNull();
    }

    @Test
    void rejectsMalformedTruncatedOrNonObjectBodies() {
        assertThat(errorsOf("{\"asOf\": \"2025-10-24\",")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("malformed JSON", "line 1"));
        assertThat(fields(errorsOf("[1, 2]"))).containsExactly("body");
        assertThat(fields(errorsOf(""))).containsExactly("body");
        assertThat(fields(errorsOf("{\"asOf\": \"2025-10-24\"} {}"))).containsExactly("body");
    }

    @Test
    void treatsNullAsAbsent() {
        MarketSnapshot snapshot = reader.read("{\"asOf\": \"2025-10-24\", \"effrPct\": null}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.value(Input.EFFR_PCT)).isNull();
    }

    @Test
    void keepsHugeUnknownFieldNamesOutOfTheAnswer() {
        String name = "x".repeat(100_000);
        List<FieldError> errors = errorsOf("{\"asOf\": \"2025-10-24\", \"" + name + "\": 1}");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field().length()).isLessThan(200));
    }

    @Test
    void convertsJsonPointersToFieldPaths() {
        assertThat(SnapshotReader.pointerToPath("/history/0/effrPct")).isEqualTo("history[0].effrPct");
        assertThat(SnapshotReader.pointerToPath("/runoff/active")).isEqualTo("runoff.active");
    }

    @Test
    void detailSummarisesTheProblems() {
        assertThatThrownBy(() -> reader.read("{\"asOf\": \"2025-10-24\", \"effrPct\": \"a\", \"sofrPct\": \"b\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 problems").hasMessageContaining("effrPct").hasMessageContaining("sofrPct");
    }

    @Test
    void refusesFiguresBeyondTheirPlausibleBoundsNamingTheRange() {
        List<FieldError> errors = errorsOf("""
                {"asOf": "2025-10-24", "fedTotalAssetsBn": 6540000, "bankTotalAssetsBn": 1e-320, "onRrpPeakBn": 1e308,
                 "srfTakeupBn": 5000.5, "runoff": {"active": true, "treasuryCapBn": 1e308, "mbsCapBn": 1000.01}}
                """);
        assertThat(fields(errors)).containsExactlyInAnyOrder("fedTotalAssetsBn", "bankTotalAssetsBn", "onRrpPeakBn",
                "srfTakeupBn", "runoff.treasuryCapBn", "runoff.mbsCapBn");
        assertThat(message(errors, "fedTotalAssetsBn")).isEqualTo("must be from 1 to 50,000 (was 6540000); the field is "
                + "in $bn: is it in millions? divide by 1,000");
        assertThat(message(errors, "bankTotalAssetsBn")).startsWith("must be from 1 to 200,000 (was ");
        assertThat(message(errors, "onRrpPeakBn")).startsWith("must be from 0 to 20,000 (was ").doesNotContain("millions");
        assertThat(message(errors, "runoff.mbsCapBn")).isEqualTo("must be from 0 to 1,000 (was 1000.01)");
    }

    @Test
    void takesEachBoundItself() {
        StringBuilder json = new StringBuilder("{\"asOf\": \"1900-01-01\", \"runoff\": {\"active\": true, "
                + "\"treasuryCapBn\": 1000, \"mbsCapBn\": 0}, \"history\": [{\"asOf\": \"1900-01-01\"}]");
        for (Input input : Input.values()) {
            json.append(", \"").append(input.field()).append("\": ")
                    .append(input.field().equals("targetRangeLowPct") ? input.bounds().min() : input.bounds().max());
        }
        MarketSnapshot snapshot = reader.read(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.value(Input.NOMINAL_GDP_BN)).isEqualTo(200_000.0);
        assertThat(reader.read("{\"asOf\": \"2199-12-31\", \"fedTotalAssetsBn\": 1}".getBytes(StandardCharsets.UTF_8))
                .value(Input.FED_TOTAL_ASSETS_BN)).isEqualTo(1.0);
    }

    @Test
    void refusesDatesOutsideTheCenturiesAnyDataCouldHave() {
        List<FieldError> errors = errorsOf("""
                {"asOf": "+999999999-12-31", "history": [{"asOf": "-999999999-01-01"}, {"asOf": "1899-12-31"}]}
                """);
        assertThat(fields(errors)).containsExactlyInAnyOrder("asOf", "history[0].asOf", "history[1].asOf");
        assertThat(message(errors, "asOf")).isEqualTo("must be a date from 1900-01-01 to 2199-12-31 (was +999999999-12-31)");
        assertThat(fields(errorsOf("{\"asOf\": \"2200-01-01\"}"))).containsExactly("asOf");
    }

    private static String message(List<FieldError> errors, String field) {
        return errors.stream().filter(error -> error.field().equals(field)).findFirst().orElseThrow().message();
    }
}
