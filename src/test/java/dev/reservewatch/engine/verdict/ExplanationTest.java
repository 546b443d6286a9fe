package dev.reservewatch.engine.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;

/** The paragraph a verdict explains itself with, from its parts. */
class ExplanationTest {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 24);

    private static Verdict.SignalReport signal(String code, Severity severity, String message) {
        return new Verdict.SignalReport(code, severity, "metric", 1.0, 2.0, "%", message, "a rule");
    }

    @Test
    void saysWhenTheInputsAreTooThinForAnyRegime() {
        String text = Explanation.write(DAY, ReserveRegime.UNKNOWN, null, List.of(), List.of(), List.of("sofrPct"), null);
        assertThat(text).isEqualTo("As of 2025-10-24, the reserve regime is UNKNOWN: the snapshot is too thin for any"
                + " regime rule to decide. No balance-sheet action is recommended. Not given, so rules that need them"
                + " could not decide: sofrPct.");
    }

    @Test
    void givesTheRegimeWithItsReasonThenSignalsBySeverityThenActionsWithTheirReasons() {
        String text = Explanation.write(DAY, ReserveRegime.SCARCE, "banks run thin",
                List.of(signal("A", Severity.CRITICAL, "SOFR broke the ceiling."),
                        signal("B", Severity.HIGH, "EFFR above IORB"), signal("C", Severity.WARN, "buffer draining"),
                        signal("D", Severity.INFO, "inflation above goal")),
                List.of(new Verdict.Action("END_RUNOFF", 1, "Stop the runoff.", List.of("A", "B"), "r")), List.of(),
                null);
        assertThat(text).isEqualTo("As of 2025-10-24, reserves are SCARCE: banks run thin. Stress: SOFR broke the"
                + " ceiling; EFFR above IORB. To watch: buffer draining. Calm readings: inflation above goal."
                + " Recommended action: END_RUNOFF (priority 1, because A, B): Stop the runoff.");
    }

    @Test
    void namesTheNearestTriggerNotFiringWithItsPace() {
        Verdict.Watch nearest = new Verdict.Watch("ON_RRP_DEPLETED", "onRrpBalanceBn", 310, 250, "$bn", "BELOW", 60,
                24.0, false, "ON RRP buffer depleted", -25.0, 2.4, DAY.plusWeeks(3), null);
        String text = Explanation.write(DAY, ReserveRegime.AMPLE, "nothing signals stress", List.of(), List.of(),
                List.of(), nearest);
        assertThat(text).endsWith(" Nearest trigger not firing yet: ON_RRP_DEPLETED, onRrpBalanceBn $310bn, $60bn"
                + " above the $250bn line, falling $25bn a week: about 2.4 weeks.");
    }
}
