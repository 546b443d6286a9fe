package dev.reservewatch.watch.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the watch knows of its fetches, kept beside the data ({@code fetch-state.json}): when it last tried and
 * last succeeded, and per series its last observation, when it was last fetched, and its last error with how many
 * fetches in a row failed and since when. A restart reads it back, so that nothing is fetched again needlessly and
 * a failure streak carries on.
 */
public record FetchState(Instant lastAttemptAt, Instant lastSuccessAt, Map<String, SeriesState> series) {

    public static final String FILE = "fetch-state.json";

    public FetchState {
        series = series == null ? new TreeMap<>() : new TreeMap<>(series);
    }

    public static FetchState empty() {
        return new FetchState(null, null, Map.of());
    }

    public SeriesState of(String code) {
        return series.getOrDefault(code, SeriesState.NEVER);
    }

    /**
     * One series: its last observation with a value, when it was last fetched successfully, when last tried, the
     * last error (null after a success), the fetches in a row that failed, and when the first of them was tried.
     */
    public record SeriesState(LocalDate lastObservation, Instant fetchedAt, Instant lastAttemptAt, String error,
            int failedFetches, Instant failingSince) {

        public static final SeriesState NEVER = new SeriesState(null, null, null, null, 0, null);

        public SeriesState succeeded(LocalDate last, Instant at) {
            return new SeriesState(last, at, at, null, 0, null);
        }

        public SeriesState failed(String why, Instant at) {
            return new SeriesState(lastObservation, fetchedAt, at, why, failedFetches + 1,
                    failedFetches == 0 ? at : failingSince);
        }
    }
}
