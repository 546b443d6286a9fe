package dev.reservewatch.engine.verdict;

import java.util.List;
import java.util.TreeSet;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.model.Figures;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Input;
import dev.reservewatch.model.Market;

/**
 * The snapshot fields that some rule reads, directly or through a derived figure ({@link Figures}), and that the
 * snapshot did not give: a rule that needs them could not decide, and the verdict says so.
 */
final class MissingInputs {

    private MissingInputs() {
    }

    static List<String> of(Ruleset ruleset, MarketSnapshot snapshot, History history, Market market) {
        TreeSet<String> missing = new TreeSet<>();
        for (String name : ruleset.figuresRead()) {
            Figures.Figure figure = Figures.named(name);
            if (figure.of(market) == null) {
                for (String input : figure.inputs()) {
                    if (isAbsent(input, snapshot, history)) {
                        missing.add(input);
                    }
                }
            }
        }
        return List.copyOf(missing);
    }

    private static boolean isAbsent(String input, MarketSnapshot snapshot, History history) {
        return switch (input) {
            case "history" -> history.isEmpty();
            case "runoff" -> snapshot.runoff() == null;
            case "asOf" -> false;
            default -> snapshot.value(Input.byField(input).orElseThrow()) == null;
        };
    }
}
