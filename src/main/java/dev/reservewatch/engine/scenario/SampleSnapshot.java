package dev.reservewatch.engine.scenario;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Runoff;

/**
 * A snapshot with every field given, judged by each new ruleset before it may serve: some broken rules
 * compile cleanly and fail only when they run. Figures from the week of 2025-10-22 (FRED), with a
 * week of history so that rules reading history run too.
 */
public final class SampleSnapshot {

    private SampleSnapshot() {
    }

    public static final MarketSnapshot FULL = full(LocalDate.of(2025, 10, 22), 2933.0, 4.0, List.of(
            full(LocalDate.of(2025, 10, 15), 2960.0, 8.5, null)));

    private static MarketSnapshot full(LocalDate asOf, double reserves, double onRrp, List<MarketSnapshot> history) {
        return new MarketSnapshot(asOf, reserves, 6590.0, 4196.0, 2083.0, onRrp, 2554.0, 950.0, 23_300.0, 4.15, 4.11,
                4.21, 4.35, 4.00, 4.25, 9.8, 8.2, 8.5, 30_500.0, 3.0, 2.9, new Runoff(true, 5.0, 35.0, false), history);
    }
}
