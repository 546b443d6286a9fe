package dev.reservewatch.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The balance-sheet policy in force: is the runoff (QT) on, its monthly caps in $bn, and whether net asset
 * purchases (QE) are under way ({@code purchasesActive}, optional: absent is unknown). The descriptions here are
 * the API description's and the console form's.
 */
@Schema(name = "Runoff", description = "The balance-sheet policy in force")
public record Runoff(
        @Schema(required = true, description = "Is the runoff (QT) under way? Unknown leaves the runoff out")
        @NotNull(message = "must be given (true or false)") Boolean active,
        @Schema(description = "Monthly cap on Treasury runoff, in $bn") @PositiveOrZero Double treasuryCapBn,
        @Schema(description = "Monthly cap on MBS runoff, in $bn") @PositiveOrZero Double mbsCapBn,
        @Schema(description = "Are net asset purchases (QE) under way?") Boolean purchasesActive) {

    /** The runoff without saying anything of asset purchases. */
    public Runoff(Boolean active, Double treasuryCapBn, Double mbsCapBn) {
        this(active, treasuryCapBn, mbsCapBn, null);
    }
}
