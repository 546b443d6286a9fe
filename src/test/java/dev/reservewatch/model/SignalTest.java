package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void fillsInBothFiguresWithTheirUnit() {
        Signal signal = new Signal("X", Severity.WARN, "m", 9.8, 10.0, "%",
                "Ratio {observed} is below the {threshold} line; {observed} again");
        assertThat(signal.getMessage()).isEqualTo("Ratio 9.8% is below the 10% line; 9.8% again");
    }

    @Test
    void sameValueForBothFiguresStillFillsEachPlaceholder() {
        Double same = 1234.5;
        Signal signal = new Signal("X", Severity.INFO, "m", same, same, "$bn", "{threshold} vs {observed}.");
        assertThat(signal.getMessage()).isEqualTo("$1,234.5bn vs $1,234.5bn.");
    }

    @Test
    void leavesOtherBracesAndUnknownFiguresAlone() {
        Signal signal = new Signal("X", Severity.INFO, null, null, 5.0, "bp",
                "{note} {observed} stays, {threshold} goes in, {");
        assertThat(signal.getMessage()).isEqualTo("{note} {observed} stays, 5bp goes in, {");
    }

    @Test
    void refusesABlankCodeOrMessage() {
        assertThatThrownBy(() -> new Signal(" ", Severity.INFO, null, null, null, null, "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> new Signal("X", Severity.INFO, null, null, null, null, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
    }

    @Test
    void aFigureThatIsNotFiniteIsReportedUnknownNotInfinity() {
        Signal signal = new Signal("X", Severity.WARN, "m", Double.POSITIVE_INFINITY, Double.NaN, "$bn",
                "at {observed} against {threshold}");
        assertThat(signal.getObserved()).isNull();
        assertThat(signal.getThreshold()).isNull();
        assertThat(signal.getMessage()).isEqualTo("at unknown against unknown");
    }
}
