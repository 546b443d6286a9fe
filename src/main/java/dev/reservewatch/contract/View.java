package dev.reservewatch.contract;

/** How much of each verdict an answer carries ({@code ?view=}). */
public enum View {
    /** Every verdict in full, as {@code POST /verdicts} gives it. */
    FULL,
    /** asOf, regime, action and signal codes, missing inputs: what a backtest table needs. */
    COMPACT
}
