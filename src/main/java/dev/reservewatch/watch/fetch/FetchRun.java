package dev.reservewatch.watch.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import dev.reservewatch.watch.store.FetchState;

/**
 * One fetch of a set of series: when it ran, how many requests it made, what became of each series, and the fetch
 * state after it (already written beside the data).
 */
public record FetchRun(Instant startedAt, Instant finishedAt, long requests, Map<String, SeriesOutcome> outcomes,
        FetchState state) {

    public FetchRun {
        outcomes = new TreeMap<>(outcomes);
    }

    /** What became of one series: observations new, revised and withdrawn, or why it failed. */
    public record SeriesOutcome(String code, boolean ok, int added, int revised, int removed, LocalDate lastObservation,
            String error, FredException.Kind failure, int attempts) {

        public boolean changed() {
            return added + revised + removed > 0;
        }
    }

    public boolean allOk() {
        return outcomes.values().stream().allMatch(SeriesOutcome::ok);
    }

    /** Whether any series got new, revised or withdrawn observations: the weekly points need building again. */
    public boolean changed() {
        return outcomes.values().stream().anyMatch(SeriesOutcome::changed);
    }

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }
}
