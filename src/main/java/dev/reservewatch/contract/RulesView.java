package dev.reservewatch.contract;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.FileView;
import dev.reservewatch.contract.Rejected;
import dev.reservewatch.contract.ScenarioResult;

/**
 * {@code GET /rules}: the active version and when it was loaded, each file with its rules, how every
 * scenario fared (and each rule, the scenarios it fires in), the rules that fire in no scenario, the last edit
 * that was refused and why, and whether the service may write its rules folder (the console's Save).
 */
@JsonPropertyOrder({ "version", "loadedAt", "files", "scenarios", "rulesFiringInNoScenario",
        "lastRejected", "writable" })
public record RulesView(String version, Instant loadedAt, List<FileView> files,
        List<ScenarioResult> scenarios, Set<String> rulesFiringInNoScenario, Rejected lastRejected,
        boolean writable) {
}
