package dev.reservewatch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.reservewatch.engine.EarlyCompilation;

/**
 * The service's entry point: starts compiling the rules on a second thread, then boots Quarkus. The
 * ruleset then becomes active, and the service ready, about as soon as Quarkus is up instead of a second
 * later (BENCHMARKS.md, start-up). Tests and dev mode boot without it and compile at start-up as usual.
 */
@QuarkusMain
public class ReserveWatchMain {

    public static void main(String... args) {
        EarlyCompilation.startAtBoot();
        Quarkus.run(args);
    }
}
