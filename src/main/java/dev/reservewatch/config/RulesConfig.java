package dev.reservewatch.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the rules live and how they may run. Environment variables: RULES_DIR, RULES_ADMIN_TOKEN, RULES_AUTHOR_TOKEN, ... */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {

    /** Folder with the {@code .drl} files and {@code scenarios/}, relative to the working directory. */
    @WithDefault("rules")
    String dir();

    /**
     * Bearer token for {@code POST /rules/reload}, and for the endpoints that take rule drafts; unset means
     * they refuse (403).
     */
    Optional<String> adminToken();

    /** Bearer token for the endpoints that take rule drafts only (validate, impact), not for reload. */
    Optional<String> authorToken();

    /** Most rule files the folder may hold, and apart most scenario files; more and the folder is refused. */
    @WithDefault("200")
    int maxFiles();

    /** Largest rule or scenario file; a larger one and the folder is refused. */
    @WithDefault("1M")
    MemorySize maxFileSize();

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

    /** Bounds on rule drafts that clients send (validate, impact). */
    Drafts drafts();

    /** What one draft may hold, and how many compile at once. */
    interface Drafts {

        /** Files in one draft (413 beyond). */
        @WithDefault("16")
        int maxFiles();

        /** Largest file in a draft (413 beyond). */
        @WithDefault("256K")
        MemorySize maxFileSize();

        /** Rules across a draft's own files (refused before compiling beyond). */
        @WithDefault("300")
        int maxRules();

        /** Imports across a draft's own files (refused before compiling beyond). */
        @WithDefault("64")
        int maxImports();

        /**
         * Drafts compile one at a time and take at most half of one core; a draft waits this long for its turn,
         * then is answered 429.
         */
        @WithDefault("2s")
        Duration waitForTurn();

        /**
         * Longest a draft's rules may run in its judge (compiling, its scenarios and its points, for an impact run or
         * a save's check) before the judge is ended and the draft reported stopped; the drafts' turn is then free.
         */
        @WithDefault("30s")
        Duration impactTimeout();

        /**
         * Heap of the process that judges a draft (one per draft, apart from the service): a draft that needs more
         * ends its judge, not the service.
         */
        @WithDefault("160M")
        MemorySize judgeHeap();

        /**
         * Start and warm the first draft's judge in the background once the rules are active, and run the service's
         * own side of an impact once in a draft's turn, so that the first impact after start-up costs what the later
         * ones do. Readiness does not wait for either.
         */
        @WithDefault("true")
        boolean warmJudgeAtStart();
    }
}
