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
        TreeSet<String> missing = null;
        for (Figures.Figure figure : ruleset.figuresRead()) {
            if (figure.of(market) != null) {
                continue;
            }
            if (missing == null) {
                missing = new TreeSet<>();
            }
            for (Input input : figure.snapshotInputs()) {
                if (snapshot.value(input) == null) {
                    missing.add(input.field());
                }
            }
            if (figure.needsHistory() && history.isEmpty()) {
                missing.add("history");
            }
            if (figure.needsRunoff() && snapshot.runoff() == null) {
                missing.add("runoff");
            }
        }
        return missing == null ? List.of() : List.copyOf(missing);
    }
}
