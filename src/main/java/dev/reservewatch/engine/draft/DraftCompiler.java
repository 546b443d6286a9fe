package dev.reservewatch.engine.draft;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.reservewatch.contract.ValidationReport;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.DrlGuard;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.PayloadTooLargeException;

/**
 * Compiles DRL an analyst is working on, without activating it or running any rule. By default the
 * files are laid over the active ruleset (a file with the same name replaces it, the others stay), so
 * an edit to one file is checked against the thresholds and functions the other files declare.
 * <p>
 * A draft comes from the network, so it is bounded before any work: at most {@link Limits#maxFiles()} files of
 * at most {@link Limits#maxFileBytes()} each (413), at most so many rules and imports (refused before compiling),
 * and nothing in it that compiling would evaluate ({@link DrlGuard}). Drafts compile and run in turns
 * ({@link DraftTurns}): one at a time, at most half of one core, however many authors send them.
 */
public final class DraftCompiler {

    /** The bounds on one draft (rules.drafts.*). */
    public record Limits(int maxFiles, long maxFileBytes, int maxRules, int maxImports, Duration waitForTurn) {
        public static final Limits DEFAULT = new Limits(16, 256 * 1024, 300, 64, Duration.ofSeconds(2));
    }

    private final RulesetCompiler compiler;
    private final Limits limits;
    private final DraftTurns turns;

    public DraftCompiler(RulesetCompiler compiler, Limits limits) {
        this.compiler = compiler;
        this.limits = limits;
        this.turns = new DraftTurns(limits.waitForTurn());
    }


    public ValidationReport validate(Map<String, String> edited, Ruleset activeOrNull) {
        List<RuleFile> all = laidOver(edited, activeOrNull);
        Compilation compilation = compile(all, edited);
        return new ValidationReport(compilation.succeeded(), RulesetCompiler.versionOf(all),
                all.stream().map(RuleFile::name).sorted().toList(), compilation.errors(), compilation.warnings());
    }

    /** The draft's files over the active ruleset's: a file of the same name replaces the active one. */
    public List<RuleFile> laidOver(Map<String, String> edited, Ruleset activeOrNull) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        if (activeOrNull != null) {
            activeOrNull.files().forEach(file -> files.put(file.name(), file));
        }
        edited.forEach((name, content) -> files.put(name, new RuleFile(name, content)));
        return new ArrayList<>(files.values());
    }

    /** Compiles a draft laid over other files, in its turn; 429 when another draft holds the turn too long. */
    public Compilation compile(List<RuleFile> all, Map<String, String> edited) {
        return withDraft(all, edited, compilation -> compilation);
    }

    /**
     * Compiles a draft laid over other files and hands the compilation to {@code work}, all in the draft's turn:
     * whatever runs the draft's rules (its scenarios, a backtest) counts against the same half core.
     */
    public <T> T withDraft(List<RuleFile> all, Map<String, String> edited, Function<Compilation, T> work) {
        checkSize(edited);
        return turns.take(() -> work.apply(compiler.compile(all, new DrlGuard.Bounds(edited.keySet(),
                limits.maxRules(), limits.maxImports()))));
    }

    /**
     * Runs {@code work} for a draft in the draft's turn, once its size is checked: what runs the draft's rules in
     * its judge ({@link DraftJudge}) is timed and paced as a compile is.
     */
    public <T> T inTurn(Map<String, String> edited, Supplier<T> work) {
        checkSize(edited);
        return turns.take(work);
    }

    public Limits limits() {
        return limits;
    }

    private void checkSize(Map<String, String> edited) {
        if (edited.size() > limits.maxFiles()) {
            throw PayloadTooLargeException.count("The draft", edited.size(), "files", limits.maxFiles(),
                    "rules.drafts.max-files", "Send fewer files at once.");
        }
        for (Map.Entry<String, String> file : edited.entrySet()) {
            PayloadTooLargeException.checkBytes("draft file " + Excerpt.of(file.getKey(), 60),
                    file.getValue().getBytes(StandardCharsets.UTF_8).length, limits.maxFileBytes(),
                    "rules.drafts.max-file-size");
        }
    }

}
