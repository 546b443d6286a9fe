package dev.reservewatch.engine.compile;

import java.util.List;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.Ruleset;

/** The outcome of compiling DRL: a ruleset when there were no errors, and every message Drools gave. */
public record Compilation(Ruleset ruleset, List<CompileProblem> errors, List<CompileProblem> warnings) {

    public boolean succeeded() {
        return ruleset != null;
    }
}
