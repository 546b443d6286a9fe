package dev.reservewatch.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The decision log: one JSON line per verdict. Env: DECISIONS_LOG_ENABLED, DECISIONS_LOG_FILE, ... */
@ConfigMapping(prefix = "decisions.log")
public interface DecisionLogConfig {

    @WithDefault("true")
    boolean enabled();

    /** Append to this file instead of writing to stdout. */
    Optional<Path> file();

    /** Put the snapshot that was judged into each line. */
    @WithDefault("true")
    boolean includeInput();

    /** Lines waiting to be written; when full, new lines are dropped and counted, never waited for. */
    @WithDefault("10000")
    int queueSize();
}
