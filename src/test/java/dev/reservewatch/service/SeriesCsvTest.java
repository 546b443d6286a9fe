package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.model.Input;

class SeriesCsvTest {

    private static List<MarketSnapshot> read(String csv) {
        return SeriesCsv.read(csv.getBytes(StandardCharsets.UTF_8), ShippedRules.READER, 10_000);
    }

    private static List<FieldError> errorsOf(String csv) {
        try {
            read(csv);
        } catch (BadInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + csv);
    }

    @Test
    void readsPointsWithRunoffColumnsAndEmptyCellsAsAbsent() {
        List<MarketSnapshot> points = read("""
                asOf,reserveBalancesBn,effrPct,iorbPct,runoffActive,runoffTreasuryCapBn,runoffMbsCapBn
                2025-10-15,3019,4.10,4.15,true,5,35
                2025-10-22,2933,,4.15,TRUE,5,35
                """);
        assertThat(points).hasSize(2);
        assertThat(points.get(0).value(Input.EFFR_PCT)).isEqualTo(4.10);
        assertThat(points.get(1).value(Input.EFFR_PCT)).isNull();
        assertThat(points.get(1).runoff().active()).isTrue();
        assertThat(points.get(1).runoff().mbsCapBn()).isEqualTo(35.0);
    }

    @Test
    void namesUnknownColumns() {
        assertThat(errorsOf("asOf,reserveBalanceBn,colour\n2025-10-15,1,2\n")).extracting(FieldError::field)
                .containsExactly("line 1, column reserveBalanceBn", "line 1, column colour");
    }

    @Test
    void namesTheLineAndColumnOfABadCell() {
        List<FieldError> errors = errorsOf("""
                asOf,reserveBalancesBn,effrPct
                2025-10-15,3019,4.10
                2025-10-22,lots,4.11
                2025-10-29,2900,-20
                2025-02-30,2900,4.1
                """);
        assertThat(errors).extracting(FieldError::field).containsExactly("line 3, column 2 (reserveBalancesBn)",
                "line 4, effrPct", "line 5, asOf");
        assertThat(errors.get(0).message()).contains("not a number", "lots");
    }

    @Test
    void refusesRowsOfTheWrongWidthAndAMissingAsOfColumn() {
        assertThat(errorsOf("asOf,effrPct\n2025-10-15,4.1,9\n")).extracting(FieldError::field).containsExactly("line 2");
        assertThat(errorsOf("effrPct\n4.1\n")).extracting(FieldError::message).singleElement().asString()
                .contains("asOf column");
    }

    @Test
    void stopsAtThePointLimit() {
        StringBuilder csv = new StringBuilder("asOf,effrPct\n");
        for (int i = 0; i < 6; i++) {
            csv.append("2025-10-").append(10 + i).append(",4.1\n");
        }
        assertThatThrownBy(() -> SeriesCsv.read(csv.toString().getBytes(StandardCharsets.UTF_8), ShippedRules.READER, 5))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("6 or more points; the limit is 5");
    }

    @Test
    void readsNumbersAsJsonWritesThemNotJavasOtherSpellings() {
        for (String cell : List.of("0x1p1023", "1d", "6540f", "+5", "1e", "NaN", "Infinity", "1_000")) {
            List<FieldError> errors = errorsOf("asOf,reserveBalancesBn\n2025-10-24," + cell + "\n");
            assertThat(errors).as(cell).singleElement().satisfies(error -> assertThat(error.message())
                    .as(cell).containsAnyOf("not a number", "must be a finite number"));
        }
        assertThat(read("asOf,reserveBalancesBn,iorbPct\n2025-10-24,2.93e3,-.5\n").get(0)
                .value(dev.reservewatch.model.Input.RESERVE_BALANCES_BN)).isEqualTo(2930.0);
    }
}
