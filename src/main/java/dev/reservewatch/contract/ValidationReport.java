package dev.reservewatch.contract;

import java.util.List;

import dev.reservewatch.contract.CompileProblem;

/** The outcome: valid or not, the version the files would have, and every error and warning. */
public record ValidationReport(boolean valid, String version, List<String> files, List<CompileProblem> errors,
        List<CompileProblem> warnings) {
}
