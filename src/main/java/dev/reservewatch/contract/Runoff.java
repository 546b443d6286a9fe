package dev.reservewatch.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The balance-sheet policy in force: is the runoff (QT) on, its monthly caps in $bn, and whether net asset
 * purchases (QE) are under way ({@code purchasesActive}, optional: absent is unknown).
 */
public record Runoff(
        @NotNull(message = "must be given (true or false)") Boolean active,
        @PositiveOrZero Double treasuryCapBn,
        @PositiveOrZero Double mbsCapBn,
        Boolean purchasesActive) {

    /** The runoff without saying anything of asset purchases. */
    public Runoff(Boolean active, Double treasuryCapBn, Double mbsCapBn) {
        this(active, treasuryCapBn, mbsCapBn, null);
    }
}
