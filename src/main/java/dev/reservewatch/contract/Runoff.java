package dev.reservewatch.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The balance-sheet policy in force: is the runoff (QT) on, and its monthly caps in $bn. */
public record Runoff(
        @NotNull(message = "must be given (true or false)") Boolean active,
        @PositiveOrZero Double treasuryCapBn,
        @PositiveOrZero Double mbsCapBn) {
}
