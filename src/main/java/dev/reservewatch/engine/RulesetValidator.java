package dev.reservewatch.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles DRL an analyst is working on, without activating it or running any rule. By default the
 * files are laid over the active ruleset (a file with the same name replaces it, the others stay), so
 * an edit to one file is checked against the thresholds and functions the other files declare.
 */
public final class RulesetValidator {

    private final RulesetCompiler compiler;

    public RulesetValidator(RulesetCompiler compiler) {
        this.compiler = compiler;
    }

    /** The outcome: valid or not, the version the files would have, and every error and warning. */
    public record Report(boolean valid, String version, List<String> files, List<CompileProblem> errors,
            List<CompileProblem> warnings) {
    }

    public Report validate(Map<String, String> edited, Ruleset activeOrNull) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        if (activeOrNull != null) {
            activeOrNull.files().forEach(file -> files.put(file.name(), file));
        }
        edited.forEach((name, content) -> files.put(name, new RuleFile(name, content)));
        List<RuleFile> all = new ArrayList<>(files.values());
        Compilation compilation = compiler.compile(all);
        return new Report(compilation.succeeded(), RulesetCompiler.versionOf(all),
                all.stream().map(RuleFile::name).sorted().toList(), compilation.errors(), compilation.warnings());
    }
}
