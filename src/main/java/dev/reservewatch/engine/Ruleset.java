package dev.reservewatch.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;

/**
 * A compiled, immutable set of rules: the KieBase every request creates its session from, the files it
 * came from, and its version (sha256 over the files' names and contents). Requests read the active
 * ruleset once and run wholly on it.
 */
public record Ruleset(String version, Instant loadedAt, List<RuleFile> files, KieBase kieBase,
        Map<String, RuleInfo> rules, Set<String> figuresRead) {

    /** The file that holds the named rule, or null for a rule this ruleset does not have. */
    public String fileOf(String ruleName) {
        RuleInfo info = rules.get(ruleName);
        return info == null ? null : info.file();
    }
}
