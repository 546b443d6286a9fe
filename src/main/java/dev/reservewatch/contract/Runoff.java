package dev.reservewatch.contract;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.reservewatch.model.Bounds;

/**
 * The balance-sheet policy in force: is the runoff (QT) on, its monthly caps in $bn, and whether net asset
 * purchases (QE) are under way ({@code purchasesActive}, optional: absent is unknown). The descriptions here are
 * the API description's and the console form's. A cap is at most $1,000bn a month, some twenty times the largest
 * there has been (Treasuries $60bn, MBS $35bn, 2018-2019): a larger one is a slip of units.
 */
@Schema(name = "Runoff", description = "The balance-sheet policy in force")
public record Runoff(
        @Schema(required = true, description = "Is the runoff (QT) under way? Unknown leaves the runoff out")
        @NotNull(message = "must be given (true or false)") Boolean active,
        @Schema(description = "Monthly cap on Treasury runoff, in $bn")
        @DecimalMin(value = CAP_MIN, message = CAP_RANGE) @DecimalMax(value = CAP_MAX, message = CAP_RANGE)
        Double treasuryCapBn,
        @Schema(description = "Monthly cap on MBS runoff, in $bn")
        @DecimalMin(value = CAP_MIN, message = CAP_RANGE) @DecimalMax(value = CAP_MAX, message = CAP_RANGE)
        Double mbsCapBn,
        @Schema(description = "Are net asset purchases (QE) under way?") Boolean purchasesActive) {

    static final String CAP_MIN = "0";
    static final String CAP_MAX = "1000";
    static final String CAP_RANGE = "must be from 0 to 1,000 ($bn a month)";
    /** The caps' bounds, as the annotations above give them. */
    public static final Bounds CAP_BOUNDS = Bounds.between(Double.parseDouble(CAP_MIN), Double.parseDouble(CAP_MAX));

    /** The runoff without saying anything of asset purchases. */
    public Runoff(Boolean active, Double treasuryCapBn, Double mbsCapBn) {
        this(active, treasuryCapBn, mbsCapBn, null);
    }
}
