package dev.reservewatch.engine.draft;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.DrlGuard;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.error.BusyException;
import dev.reservewatch.error.PayloadTooLargeException;

/**
 * Compiles DRL an analyst is working on, without activating it or running any rule. By default the
 * files are laid over the active ruleset (a file with the same name replaces it, the others stay), so
 * an edit to one file is checked against the thresholds and functions the other files declare.
 * <p>
 * A draft comes from the network, so it is bounded before any work: at most {@link Limits#maxFiles()} files of
 * at most {@link Limits#maxFileBytes()} each (413), at most so many rules and imports (refused before compiling),
 * and nothing in it that compiling would evaluate ({@link DrlGuard}). Drafts compile one at a time, on
 * one thread, and a turn begins no sooner after the last one ended than that one lasted: drafts take at most
 * half of one core, however many authors send them. A draft waits up to {@link Limits#waitForTurn()} for its
 * turn, then is answered 429.
 */
public final class DraftCompiler {

    /** The bounds on one draft (rules.drafts.*). */
    public record Limits(int maxFiles, long maxFileBytes, int maxRules, int maxImports, Duration waitForTurn) {
        public static final Limits DEFAULT = new Limits(16, 256 * 1024, 300, 64, Duration.ofSeconds(2));
    }

    private final RulesetCompiler compiler;
    private final Limits limits;
    private final Semaphore turn = new Semaphore(1, true);
    /** When the next turn may begin (System.nanoTime()); written and read only while holding the turn. */
    private long nextTurnAt = System.nanoTime();

    public DraftCompiler(RulesetCompiler compiler, Limits limits) {
        this.compiler = compiler;
        this.limits = limits;
    }

    /** The outcome: valid or not, the version the files would have, and every error and warning. */
    public record Report(boolean valid, String version, List<String> files, List<CompileProblem> errors,
            List<CompileProblem> warnings) {
    }

    public Report validate(Map<String, String> edited, Ruleset activeOrNull) {
        List<RuleFile> all = laidOver(edited, activeOrNull);
        Compilation compilation = compile(all, edited);
        return new Report(compilation.succeeded(), RulesetCompiler.versionOf(all),
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
        long deadline = System.nanoTime() + limits.waitForTurn().toNanos();
        try {
            if (!turn.tryAcquire(limits.waitForTurn().toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy("Another draft is being compiled or judged", limits.waitForTurn().toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The service is stopping", limits.waitForTurn().toNanos());
        }
        try {
            long pause = nextTurnAt - System.nanoTime();
            if (pause > 0) {
                if (nextTurnAt - deadline > 0) {
                    throw busy("The last draft's turn ended a moment ago", pause);
                }
                TimeUnit.NANOSECONDS.sleep(pause);
            }
            long started = System.nanoTime();
            try {
                return work.apply(compiler.compile(all, new DrlGuard.Bounds(edited.keySet(), limits.maxRules(),
                        limits.maxImports())));
            } finally {
                long ended = System.nanoTime();
                nextTurnAt = ended + (ended - started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The service is stopping", limits.waitForTurn().toNanos());
        } finally {
            turn.release();
        }
    }

    /** 429, naming the seconds until a turn may be free (at least one). */
    private static BusyException busy(String why, long nanosUntilFree) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanosUntilFree + 999_999_999L) / 1_000_000_000L));
        return new BusyException(why + "; drafts compile one at a time, and take at most half of one core. Try again in "
                + seconds + (seconds == 1 ? " second." : " seconds."), seconds);
    }

    private void checkSize(Map<String, String> edited) {
        if (edited.size() > limits.maxFiles()) {
            throw PayloadTooLargeException.count("The draft", edited.size(), "files", limits.maxFiles(),
                    "rules.drafts.max-files", "Send fewer files at once.");
        }
        for (Map.Entry<String, String> file : edited.entrySet()) {
            PayloadTooLargeException.checkBytes("draft file " + clip(file.getKey()),
                    file.getValue().getBytes(StandardCharsets.UTF_8).length, limits.maxFileBytes(),
                    "rules.drafts.max-file-size");
        }
    }

    private static String clip(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "..." : name;
    }
}
