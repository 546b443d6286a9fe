/**
 * The rules engine, in rooms that depend one way: {@code lifecycle} (the active ruleset, its checks before it
 * serves, the rules folder watched) and {@code draft} (drafts compiled apart, in turns) over {@code scenario}
 * (named episodes with their expected verdict) over {@code evaluation} (a snapshot or a series judged on a
 * session) over {@code verdict} (the verdict assembled from what the rules produced: regime, actions,
 * watchlist, explanation); {@code compile} (DRL checked by its guard, compiled, precompiled archives) and every
 * room above use {@code ruleset} (a compiled ruleset, its files, rules and triggers).
 */
package dev.reservewatch.engine;
