package dev.reservewatch.engine.scenario;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Runoff;
import dev.reservewatch.model.Input;

/**
 * A snapshot with every figure given (each {@link Input}'s example: the week of 2025-10-22), judged by each new
 * ruleset before it may serve: some broken rules compile cleanly and fail only when they run. It carries a week of
 * history, with reserves and ON RRP a little higher, so that rules reading history run too.
 */
public final class SampleSnapshot {

    public static final MarketSnapshot FULL = full(LocalDate.of(2025, 10, 22))
            .history(List.of(full(LocalDate.of(2025, 10, 15)).with(Input.RESERVE_BALANCES_BN, 2960.0)
                    .with(Input.ON_RRP_BALANCE_BN, 8.5).build()))
            .build();

    private SampleSnapshot() {
    }

    private static MarketSnapshot.Builder full(LocalDate asOf) {
        MarketSnapshot.Builder snapshot = MarketSnapshot.on(asOf).runoff(new Runoff(true, 5.0, 35.0, false));
        for (Input input : Input.values()) {
            snapshot.with(input, input.example());
        }
        return snapshot;
    }
}
