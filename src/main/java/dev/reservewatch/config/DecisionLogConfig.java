package dev.reservewatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The decision log: one JSON line per verdict. Env: DECISIONS_LOG_ENABLED, DECISIONS_LOG_FILE, ... */
@ConfigMapping(prefix = "decisions.log")
public interface DecisionLogConfig {

    /** Write the decision log: one JSON line per verdict and one per series. */
    @WithDefault("true")
    boolean enabled();

    /** Append to this file instead of writing to stdout. */
    Optional<Path> file();

    /** Put the snapshot that was judged into each line. */
    @WithDefault("true")
    boolean includeInput();

    /**
     * Above this size, a line carries only the start of the input, marked
     * {@code "input": {"truncated": true, "bytes": <size>, "head": "<the first bytes, as text>"}}.
     */
    @WithDefault("16K")
    MemorySize maxInput();

    /** Lines waiting to be written; when full, new lines are dropped and counted, never waited for. */
    @WithDefault("10000")
    int queueSize();

    /** What the waiting lines may hold in all (their inputs and codes); beyond it, lines are dropped and counted. */
    @WithDefault("16M")
    MemorySize queueBytes();

    /** After the log fails to write, how long before the writer opens it again (meanwhile lines are dropped). */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * Whether the service may serve while its decisions cannot be logged: when true, readiness goes down
     * while the log fails (for deployments where an unlogged verdict must not be given); when false, the
     * failure shows as a warning in readiness and in {@code decision_log_failing}, and verdicts go on.
     */
    @WithDefault("false")
    boolean required();
}
