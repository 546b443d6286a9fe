package dev.reservewatch.watch;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.watch.alert.AlertEvent;

/**
 * The answer of {@code GET /watch}: whether the watch is on, its status, when it last tried, last succeeded and
 * will try next, each series' freshness, the verdict of the latest week the data allows (null until judged), the
 * series that verdict was built on while they were stale (older than their schedule allows: the verdict reads them
 * as absent; empty when none is), and the latest alerts, newest first.
 */
@JsonPropertyOrder({ "enabled", "status", "lastAttemptAt", "lastSuccessAt", "nextAttemptAt", "series", "latest",
        "latestStaleSeries", "alerts" })
public record WatchStatus(boolean enabled, Status status, Instant lastAttemptAt, Instant lastSuccessAt,
        Instant nextAttemptAt, List<SeriesFreshness> series, Verdict latest, List<String> latestStaleSeries,
        List<AlertEvent> alerts) {

    /**
     * {@code OFF}: no FRED key, nothing is fetched. {@code FAILING}: fetching a series keeps failing
     * ({@code watch.alerts.failed-fetches} in a row). {@code STALE}: a series is older than its schedule allows.
     * {@code OK} otherwise.
     */
    public enum Status {
        OFF, OK, STALE, FAILING
    }

    public static WatchStatus off() {
        return new WatchStatus(false, Status.OFF, null, null, null, List.of(), null, List.of(), List.of());
    }
}
