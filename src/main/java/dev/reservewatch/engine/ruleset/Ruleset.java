package dev.reservewatch.engine.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import dev.reservewatch.model.Figures;

/**
 * A compiled, immutable set of rules: the KieBase every request creates its session from, the files it
 * came from, and its version (sha256 over the files' names and contents). Requests read the active
 * ruleset once and run wholly on it, on a session from {@code sessions}: a pool of sessions that are reset,
 * not rebuilt, between evaluations, which saves the per-rule network set-up. {@code globals} are the values every session gets, such as the
 * {@code thresholds} declared in DRL: created once, with the defaults the DRL declares, never changed.
 * {@code triggers} are the threshold comparisons of its signal rules, which the watchlist watches;
 * {@code figuresRead} the figures its rules read, in the order of their names (missing inputs are found from them).
 */
public record Ruleset(String version, Instant loadedAt, List<RuleFile> files, KieBase kieBase,
        Sessions sessions, Map<String, RuleInfo> rules, List<Figures.Figure> figuresRead, Map<String, Object> globals,
        List<Trigger> triggers) {

    /** The file that holds the named rule, or null for a rule this ruleset does not have. */
    public String fileOf(String ruleName) {
        RuleInfo info = rules.get(ruleName);
        return info == null ? null : info.file();
    }
}
