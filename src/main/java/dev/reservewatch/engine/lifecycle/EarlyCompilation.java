package dev.reservewatch.engine.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.PrecompiledRuleset;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleSource;

/**
 * Compiles the rules folder on a second thread while Quarkus boots, so that the first activation does not
 * start compiling only once the application is up; when the build precompiled exactly these
 * files ({@link PrecompiledRuleset}) it loads them instead. At boot it guesses the folder the way
 * the configuration does by default ({@code rules.dir} system property, else {@code RULES_DIR}, else
 * {@code rules}); the first activation takes the result only if it was compiled from exactly the files it
 * reads itself (same names and contents), and otherwise compiles as usual. Nothing else changes: the
 * compiled rules still pass the sample evaluation and every scenario before they serve.
 */
public final class EarlyCompilation {

    /** The one started by the service's main method; the first activation takes from it. */
    static final EarlyCompilation AT_BOOT = new EarlyCompilation();

    /** Completes with the compilation, or with null when the folder could not be read or compiled. */
    private static final CompletableFuture<Result> TAKEN = CompletableFuture.completedFuture(null);

    private final AtomicReference<CompletableFuture<Result>> pending = new AtomicReference<>();
    private final Precompiled precompiledRulesets;

    /** Where precompiled rulesets come from: the classpath ({@link PrecompiledRuleset#find}), or a test's. */
    interface Precompiled {
        Optional<Compilation> find(List<RuleFile> files, RulesetCompiler compiler) throws IOException;
    }

    EarlyCompilation() {
        this(PrecompiledRuleset::find);
    }

    EarlyCompilation(Precompiled precompiledRulesets) {
        this.precompiledRulesets = precompiledRulesets;
    }

    /** A compilation made at boot, and how: for the activation's log line; precompiled when loaded. */
    record Result(Compilation compilation, String how, boolean precompiled) {
    }

    /** Starts compiling, at boot, the folder the configuration most likely names. */
    public static void startAtBoot() {
        String dir = System.getProperty("rules.dir", Optional.ofNullable(System.getenv("RULES_DIR")).orElse("rules"));
        AT_BOOT.start(Path.of(dir));
    }

    /** Starts compiling the folder on its own thread; does nothing if one was started or taken before. */
    void start(Path dir) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        if (!pending.compareAndSet(null, result)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                List<RuleFile> files = RuleSource.read(dir.toAbsolutePath().normalize()).ruleFiles();
                RulesetCompiler compiler = new RulesetCompiler();
                String fallback = "";
                try {
                    Optional<Compilation> precompiled = precompiledRulesets.find(files, compiler);
                    if (precompiled.isPresent()) {
                        result.complete(new Result(precompiled.get(), "loaded precompiled during boot", true));
                        return;
                    }
                } catch (Exception | LinkageError e) {
                    fallback = " (the precompiled ruleset could not be used: "
                            + Objects.requireNonNullElse(e.getMessage(), e.toString()) + ")";
                }
                result.complete(new Result(compiler.compile(files), "compiled during boot" + fallback, false));
            } catch (Exception e) {
                // nothing to reuse: the first activation reads, compiles and reports as it always does
            } finally {
                result.complete(null); // whatever happened, whoever waits is released
            }
        }, "rules-early-compile");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The compilation of exactly these files, once: waits for it if it is still running. Empty when none was
     * started, it was already taken, it was compiled from other files, or it did not compile.
     */
    Optional<Result> take(List<RuleFile> files) {
        Result result = Optional.ofNullable(pending.getAndSet(TAKEN)).orElse(TAKEN).join();
        // a ruleset's version is the sha256 over its files' names and contents: same version, same files
        if (result == null || !result.compilation().succeeded()
                || !result.compilation().ruleset().version().equals(RulesetCompiler.versionOf(files))) {
            return Optional.empty();
        }
        return Optional.of(result);
    }
}
