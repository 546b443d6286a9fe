/** DRL to a ruleset: the guard that refuses what compiling would evaluate, the compiler, its class loader, and the archives the build precompiles. */
package dev.reservewatch.engine.compile;
