package dev.reservewatch.config;

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
}
