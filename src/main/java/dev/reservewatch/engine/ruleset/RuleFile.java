package dev.reservewatch.engine.ruleset;

import java.util.Objects;

/** One DRL file of a ruleset: its file name (e.g. {@code reserves.drl}) and its text. */
public record RuleFile(String name, String content) {
    public RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
