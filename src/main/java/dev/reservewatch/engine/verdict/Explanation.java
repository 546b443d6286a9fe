package dev.reservewatch.engine.verdict;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;
import dev.reservewatch.model.UnitFormat;

/**
 * Writes a verdict's one-paragraph explanation: the regime and why, the stress signals with their
 * figures, what to watch, each action with the signals behind it, and what the snapshot lacked.
 */
final class Explanation {

    private Explanation() {
    }

    static String write(LocalDate asOf, ReserveRegime regime, String regimeReason, List<Verdict.SignalReport> signals,
            List<Verdict.Action> actions, List<String> missing, Verdict.Watch nearest) {
        StringBuilder text = new StringBuilder(capacityFor(regimeReason, signals, actions, missing));
        text.append("As of ").append(asOf).append(", ");
        if (regime == ReserveRegime.UNKNOWN) {
            text.append("the reserve regime is UNKNOWN: the snapshot is too thin for any regime rule to decide.");
        } else {
            text.append("reserves are ").append(regime);
            if (regimeReason != null) {
                text.append(": ").append(regimeReason);
            }
            sentenceEnd(text);
        }
        appendSignals(text, signals, "Stress", Severity.CRITICAL, Severity.HIGH);
        appendSignals(text, signals, "To watch", Severity.WARN, Severity.WARN);
        appendSignals(text, signals, "Calm readings", Severity.INFO, Severity.INFO);
        if (actions.isEmpty()) {
            text.append(" No balance-sheet action is recommended.");
        } else {
            text.append(actions.size() == 1 ? " Recommended action: " : " Recommended actions: ");
            for (int i = 0; i < actions.size(); i++) {
                Verdict.Action action = actions.get(i);
                if (i > 0) {
                    text.append("; ");
                }
                text.append(action.code()).append(" (priority ").append(action.priority());
                if (!action.because().isEmpty()) {
                    text.append(", because ").append(String.join(", ", action.because()));
                }
                text.append("): ").append(trimEnd(action.rationale()));
            }
            text.append('.');
        }
        if (nearest != null) {
            appendNearest(text, nearest);
        }
        if (!missing.isEmpty()) {
            text.append(" Not given, so rules that need them could not decide: ")
                    .append(String.join(", ", missing)).append('.');
        }
        return text.toString();
    }

    /**
     * "Nearest trigger not firing yet: ON_RRP_DEPLETED, onRrpBalanceBn $310bn, $60bn above the $250bn line,
     * falling $25bn a week: about 2.4 weeks."
     */
    private static void appendNearest(StringBuilder text, Verdict.Watch nearest) {
        String unit = nearest.unit();
        text.append(" Nearest trigger not firing yet: ").append(nearest.signal()).append(", ").append(nearest.metric())
                .append(' ').append(UnitFormat.format(nearest.observed(), unit)).append(", ")
                .append(UnitFormat.format(Math.abs(nearest.distance()), unit))
                .append("BELOW".equals(nearest.fires()) ? " above" : " below").append(" the ")
                .append(UnitFormat.format(nearest.threshold(), unit)).append(" line");
        if (nearest.trendPerWeek() != null && nearest.trendPerWeek() != 0) {
            text.append(nearest.trendPerWeek() < 0 ? ", falling " : ", rising ")
                    .append(UnitFormat.format(Math.abs(nearest.trendPerWeek()), unit)).append(" a week");
        }
        if (nearest.weeksToCross() != null) {
            text.append(": about ").append(UnitFormat.plain(nearest.weeksToCross()))
                    .append(nearest.weeksToCross() == 1 ? " week" : " weeks");
        }
        text.append('.');
    }

    /** Roughly the paragraph's length, so that the builder neither grows nor zeroes far more than it needs. */
    private static int capacityFor(String regimeReason, List<Verdict.SignalReport> signals,
            List<Verdict.Action> actions, List<String> missing) {
        int length = 300 + (regimeReason == null ? 0 : regimeReason.length()) + 40 * missing.size();
        for (Verdict.SignalReport signal : signals) {
            length += signal.message().length() + 2;
        }
        for (Verdict.Action action : actions) {
            length += action.rationale().length() + 48 + 24 * action.because().size();
        }
        return length;
    }

    private static void appendSignals(StringBuilder text, List<Verdict.SignalReport> signals, String label,
            Severity highest, Severity lowest) {
        boolean first = true;
        for (Verdict.SignalReport signal : signals) {
            if (signal.severity().compareTo(lowest) < 0 || signal.severity().compareTo(highest) > 0) {
                continue;
            }
            text.append(first ? " " + label + ": " : "; ");
            text.append(trimEnd(signal.message()));
            first = false;
        }
        if (!first) {
            text.append('.');
        }
    }

    private static void sentenceEnd(StringBuilder text) {
        char last = text.charAt(text.length() - 1);
        if (last != '.' && last != '!' && last != '?') {
            text.append('.');
        }
    }

    private static String trimEnd(String sentence) {
        String s = sentence.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
