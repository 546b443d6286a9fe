package dev.reservewatch.watch.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.reservewatch.watch.SeriesFreshness;

/**
 * Which alerts the data's freshness raises after a fetch: a pure function of what was told before ({@link View},
 * kept beside the data) and each series' freshness now.
 * <p>
 * {@code DATA_STALE} names the series that turned stale; one stale spell is identified by the last observation it
 * went stale at, so it is told once however many fetches find it stale. {@code FETCH_FAILING} names the series whose
 * last {@code failedFetches} fetches or more in a row failed (a single failure, retried at the next fetch, is not
 * told: that is the flicker a reader need not see); a spell is identified by when its first failure was. {@code
 * RECOVERED} names the series of told spells that ended: fresh again, or fetched again.
 */
public final class DataEvents {

    private DataEvents() {
    }

    /**
     * What was told and not yet recovered from: stale series with the last observation they went stale at (the
     * string {@code none} for a series never fetched), failing series with the start of their failure spell.
     */
    public record View(Map<String, String> stale, Map<String, Instant> failing) {

        public View {
            stale = stale == null ? new TreeMap<>() : new TreeMap<>(stale);
            failing = failing == null ? new TreeMap<>() : new TreeMap<>(failing);
        }

        public static View empty() {
            return new View(Map.of(), Map.of());
        }
    }

    /** The events to send and the view once they are told. */
    public record Derived(List<AlertEvent> events, View view) {
    }

    public static Derived derive(View told, List<SeriesFreshness> now, int failedFetches, LocalDate today,
            AlertText text) {
        Map<String, String> stale = new TreeMap<>(told.stale());
        Map<String, Instant> failing = new TreeMap<>(told.failing());
        List<SeriesFreshness> newlyStale = new ArrayList<>();
        List<SeriesFreshness> newlyFailing = new ArrayList<>();
        List<String> freshAgain = new ArrayList<>();
        List<String> fetchedAgain = new ArrayList<>();
        List<String> recoveredSpells = new ArrayList<>();
        for (SeriesFreshness series : now) {
            String code = series.code();
            if (series.stale() && !stale.containsKey(code)) {
                newlyStale.add(series);
                stale.put(code, series.lastObservation() == null ? "none" : series.lastObservation().toString());
            } else if (!series.stale() && stale.containsKey(code)) {
                freshAgain.add(code);
                recoveredSpells.add("stale:" + code + "@" + stale.remove(code));
            }
            if (series.failing(failedFetches) && !failing.containsKey(code) && series.failingSince() != null) {
                newlyFailing.add(series);
                failing.put(code, series.failingSince());
            } else if (series.failedFetches() == 0 && failing.containsKey(code)) {
                fetchedAgain.add(code);
                recoveredSpells.add("failing:" + code + "@" + failing.remove(code));
            }
        }
        List<AlertEvent> events = new ArrayList<>();
        if (!newlyFailing.isEmpty()) {
            events.add(event(AlertEvent.Event.FETCH_FAILING, today, codes(newlyFailing),
                    newlyFailing.stream().map(s -> s.code() + "@" + s.failingSince()).toList(),
                    text.fetchFailing(newlyFailing)));
        }
        if (!newlyStale.isEmpty()) {
            events.add(event(AlertEvent.Event.DATA_STALE, today, codes(newlyStale),
                    newlyStale.stream().map(s -> s.code() + "@" + (s.lastObservation() == null ? "none" : s.lastObservation()))
                            .toList(),
                    text.dataStale(today, newlyStale)));
        }
        if (!recoveredSpells.isEmpty()) {
            List<String> series = new ArrayList<>(new java.util.TreeSet<>(concat(fetchedAgain, freshAgain)));
            events.add(event(AlertEvent.Event.RECOVERED, today, series, recoveredSpells,
                    text.recovered(freshAgain, fetchedAgain)));
        }
        return new Derived(events, new View(stale, failing));
    }

    private static AlertEvent event(AlertEvent.Event kind, LocalDate today, List<String> series, List<String> spells,
            String text) {
        return new AlertEvent(AlertEvent.idOf(kind, String.join(",", new java.util.TreeSet<>(spells))), kind, today,
                null, null, null, null, null, null, series, null, null, text);
    }

    private static List<String> codes(List<SeriesFreshness> series) {
        return series.stream().map(SeriesFreshness::code).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
