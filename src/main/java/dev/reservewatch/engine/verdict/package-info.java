/** The verdict assembled from a run of the rules: the regime called, actions merged, missing inputs, the watchlist and the explanation. */
package dev.reservewatch.engine.verdict;
