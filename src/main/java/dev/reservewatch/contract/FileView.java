package dev.reservewatch.contract;

import java.util.List;

/** A rule file of the active ruleset, with its rules. */
public record FileView(String name, List<RuleView> rules) {
}
