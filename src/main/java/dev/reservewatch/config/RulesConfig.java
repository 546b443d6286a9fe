package dev.reservewatch.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the rules live and how they may run. Environment variables: RULES_DIR, RULES_ADMIN_TOKEN, ... */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {

    /** Folder with the {@code .drl} files and {@code scenarios/}, relative to the working directory. */
    @WithDefault("rules")
    String dir();

    /** Bearer token for {@code POST /rules/reload}; unset means the admin endpoints refuse. */
    Optional<String> adminToken();

    /** Rule firings allowed per evaluation before it is stopped as a runaway loop. */
    @WithDefault("10000")
    int maxFirings();

    /** Pick up edits to the rules folder without a restart. */
    @WithDefault("true")
    boolean watch();

    /**
     * How often the folder is checked even without file-system events (some volumes send none). At most
     * 2 s is honoured; a larger value is capped.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long the folder must stay unchanged before an edit is taken: a burst of saves is one edit. */
    @WithDefault("300ms")
    Duration settle();
}
