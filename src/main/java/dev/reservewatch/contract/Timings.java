package dev.reservewatch.contract;

/** Where the time went, in milliseconds. */
public record Timings(long compileMillis, long scenariosMillis, long judgingMillis) {
}
