package dev.reservewatch.engine;

import java.util.List;

/** The outcome of compiling DRL: a ruleset when there were no errors, and every message Drools gave. */
public record Compilation(Ruleset ruleset, List<CompileProblem> errors, List<CompileProblem> warnings) {

    public boolean succeeded() {
        return ruleset != null;
    }
}
