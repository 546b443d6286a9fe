package dev.reservewatch.contract;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.reservewatch.model.Observation;

/**
 * A market snapshot as analysts send it (contract §1). Every figure is optional: an absent figure is
 * unknown, never zero. Units are in the names: Bn = $ billions, Pct = percent, Bp = basis points.
 * Rates are bounded to [-10, 100] percent and ratios to [0, 100]; anything outside is a typo.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ConsistentSnapshot
public record MarketSnapshot(
        @NotNull(message = "is required (an ISO date such as 2025-10-24)") LocalDate asOf,
        @PositiveOrZero Double reserveBalancesBn,
        @Positive Double fedTotalAssetsBn,
        @PositiveOrZero Double treasuryHoldingsBn,
        @PositiveOrZero Double mbsHoldingsBn,
        @PositiveOrZero Double onRrpBalanceBn,
        @PositiveOrZero Double onRrpPeakBn,
        @PositiveOrZero Double treasuryGeneralAccountBn,
        @Positive Double bankTotalAssetsBn,
        @DecimalMin("-10") @DecimalMax("100") Double iorbPct,
        @DecimalMin("-10") @DecimalMax("100") Double effrPct,
        @DecimalMin("-10") @DecimalMax("100") Double sofrPct,
        @DecimalMin("-10") @DecimalMax("100") Double repoRateHighPct,
        @DecimalMin("-10") @DecimalMax("100") Double targetRangeLowPct,
        @DecimalMin("-10") @DecimalMax("100") Double targetRangeHighPct,
        @DecimalMin("0") @DecimalMax("100") Double largeBankExcessReserveRatioPct,
        @DecimalMin("0") @DecimalMax("100") Double smallBankExcessReserveRatioPct,
        @PositiveOrZero Double srfTakeupBn,
        @Positive Double nominalGdpBn,
        @DecimalMin("-50") @DecimalMax("100") Double cpiYoYPct,
        @DecimalMin("-50") @DecimalMax("100") Double corePcePct,
        @Valid Runoff runoff,
        @Schema(description = "Earlier snapshots, without a history of their own, none dated after asOf",
                type = SchemaType.ARRAY, implementation = HistoryEntry.class)
        List<@Valid MarketSnapshot> history) implements Observation {

    public MarketSnapshot {
        history = history == null ? null : List.copyOf(history);
    }

    @Override
    public Boolean runoffActive() {
        return runoff == null ? null : runoff.active();
    }

    @Override
    public Double runoffTreasuryCapBn() {
        return runoff == null ? null : runoff.treasuryCapBn();
    }

    @Override
    public Double runoffMbsCapBn() {
        return runoff == null ? null : runoff.mbsCapBn();
    }

    @Override
    public Boolean purchasesActive() {
        return runoff == null ? null : runoff.purchasesActive();
    }

    /** This snapshot with its history replaced (series evaluation hands each point its predecessors). */
    public MarketSnapshot withHistory(List<MarketSnapshot> earlier) {
        return new MarketSnapshot(asOf, reserveBalancesBn, fedTotalAssetsBn, treasuryHoldingsBn, mbsHoldingsBn,
                onRrpBalanceBn, onRrpPeakBn, treasuryGeneralAccountBn, bankTotalAssetsBn, iorbPct, effrPct, sofrPct, repoRateHighPct, targetRangeLowPct,
                targetRangeHighPct, largeBankExcessReserveRatioPct, smallBankExcessReserveRatioPct, srfTakeupBn,
                nominalGdpBn, cpiYoYPct, corePcePct, runoff, earlier);
    }
}
