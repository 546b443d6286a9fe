package dev.reservewatch.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.ruleset.Ruleset;

/** The shipped rules folder, compiled once per test JVM (compiling costs about a second). */
public final class ShippedRules {

    public static final Path DIR = Path.of("rules");
    public static final SnapshotReader READER = SnapshotReader.standalone();

    private static RuleSource source;
    private static Ruleset ruleset;

    private ShippedRules() {
    }

    public static synchronized RuleSource source() {
        if (source == null) {
            try {
                source = RuleSource.read(DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            Compilation compilation = new RulesetCompiler().compile(source().ruleFiles());
            if (!compilation.succeeded()) {
                throw new AssertionError("the shipped rules do not compile: " + compilation.errors());
            }
            ruleset = compilation.ruleset();
        }
        return ruleset;
    }
}
