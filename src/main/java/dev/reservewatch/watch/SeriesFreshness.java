package dev.reservewatch.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.service.FredSeries;
import dev.reservewatch.watch.store.FetchState;

/**
 * How fresh one watched series is: its last observation with a value, when it was last fetched, whether that
 * observation is older than its schedule allows ({@link FredSeries.Schedule#staleAfterDays()}, counted from the
 * date the observation describes, as the FRED import counts it), and the last fetch's error. A series never
 * fetched is stale. {@code failedFetches} (fetches in a row that failed) and {@code failingSince} are for alerts
 * and metrics, not shown.
 */
@JsonPropertyOrder({ "code", "lastObservation", "fetchedAt", "stale", "error" })
public record SeriesFreshness(String code, LocalDate lastObservation, Instant fetchedAt, boolean stale, String error,
        @JsonIgnore int failedFetches, @JsonIgnore Instant failingSince) {

    /** The freshness of each of {@code codes} on {@code today}, from the kept fetch state. */
    public static List<SeriesFreshness> of(FetchState state, Collection<String> codes, LocalDate today) {
        List<SeriesFreshness> all = new ArrayList<>(codes.size());
        for (String code : codes) {
            FetchState.SeriesState series = state.of(code);
            all.add(new SeriesFreshness(code, series.lastObservation(), series.fetchedAt(),
                    isStale(code, series.lastObservation(), today), series.error(), series.failedFetches(),
                    series.failingSince()));
        }
        return all;
    }

    /** Whether an observation dated {@code last} is too old on {@code today} for the series' schedule. */
    public static boolean isStale(String code, LocalDate last, LocalDate today) {
        if (last == null) {
            return true;
        }
        int days = FredSeries.byCode(code).map(series -> series.schedule().staleAfterDays())
                .orElse(FredSeries.Schedule.DAILY.staleAfterDays());
        return days != Integer.MAX_VALUE && last.plusDays(days).isBefore(today);
    }

    /** Whether the last {@code threshold} fetches or more in a row failed. */
    public boolean failing(int threshold) {
        return failedFetches >= threshold;
    }
}
