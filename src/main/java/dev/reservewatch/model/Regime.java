package dev.reservewatch.model;

import java.util.Objects;

/**
 * A regime rule's call: which reserve regime holds and, in one sentence, why. Regime rules insert
 * one of these; action rules match on it, e.g. {@code Regime( level == ReserveRegime.SCARCE )}.
 */
public final class Regime {
    private final ReserveRegime level;
    private final String reason;

    public Regime(ReserveRegime level, String reason) {
        this.level = Objects.requireNonNull(level, "level");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ReserveRegime getLevel() {
        return level;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Regime[" + level + ": " + reason + "]";
    }
}
