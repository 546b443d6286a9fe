package dev.reservewatch.engine;

import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about one rule of a compiled ruleset: where it is, its metadata
 * ({@code @description}, {@code @source}, ...), and which figures of the market it reads.
 */
public record RuleInfo(String name, String file, int line, Map<String, Object> metadata, Set<String> figuresRead) {
}
