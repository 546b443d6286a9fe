package dev.reservewatch.engine.verdict;

import java.util.List;
import java.util.TreeSet;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotSchema;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;

/**
 * The snapshot fields that some rule reads, directly or through a derived figure, and that the snapshot did not
 * give: a rule that needs them could not decide, and the verdict says so.
 */
final class MissingInputs {

    private MissingInputs() {
    }

    static List<String> of(Ruleset ruleset, MarketSnapshot snapshot, History history, Market market) {
        TreeSet<String> missing = new TreeSet<>();
        for (String name : ruleset.figuresRead()) {
            Market.Figure figure = Market.FIGURES.get(name);
            if (figure.value().apply(market) == null) {
                for (String input : figure.inputs()) {
                    boolean absent = "history".equals(input) ? history.isEmpty()
                            : SnapshotSchema.isAbsent(snapshot, input);
                    if (absent) {
                        missing.add(input);
                    }
                }
            }
        }
        return List.copyOf(missing);
    }
}
