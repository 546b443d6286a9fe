package dev.reservewatch.contract;

import java.util.List;
import java.util.Map;

/** A rule: its name, line, metadata ({@code @source}), and the names of the scenarios it fires in. */
public record RuleView(String name, int line, Map<String, Object> metadata, List<String> firesIn) {
}
