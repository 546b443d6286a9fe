package dev.reservewatch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.reservewatch.engine.lifecycle.EarlyCompilation;

/**
 * The service's entry point: starts compiling the rules on a second thread, then boots Quarkus, so that
 * the compile overlaps the boot instead of following it (BENCHMARKS.md, start-up time). A {@code @QuarkusTest}
 * boots without it; the tests' EarlyCompilationAtTestStart starts the same early compilation at their start-up.
 */
@QuarkusMain
public class ReserveWatchMain {

    public static void main(String... args) {
        EarlyCompilation.startAtBoot();
        Quarkus.run(args);
    }
}
