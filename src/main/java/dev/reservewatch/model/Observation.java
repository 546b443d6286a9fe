package dev.reservewatch.model;

import java.time.LocalDate;

/**
 * One day's figures as the facts read them: what a market snapshot gives (contract §1), each null when
 * unknown. The request's snapshot implements it, so the facts need not know the request's shape.
 */
public interface Observation {

    LocalDate asOf();

    Double reserveBalancesBn();

    Double fedTotalAssetsBn();

    Double treasuryHoldingsBn();

    Double mbsHoldingsBn();

    Double onRrpBalanceBn();

    Double onRrpPeakBn();

    /** The Treasury General Account at the Fed: cash the Treasury holds, which drains reserves as it grows. */
    Double treasuryGeneralAccountBn();

    /** Total assets of all commercial banks (H.8): the base of reserves' share of bank assets. */
    Double bankTotalAssetsBn();

    Double iorbPct();

    Double effrPct();

    Double sofrPct();

    Double repoRateHighPct();

    Double targetRangeLowPct();

    Double targetRangeHighPct();

    Double largeBankExcessReserveRatioPct();

    Double smallBankExcessReserveRatioPct();

    Double srfTakeupBn();

    Double nominalGdpBn();

    Double cpiYoYPct();

    Double corePcePct();

    /** Whether the runoff is on; null when the snapshot says nothing of the policy. */
    Boolean runoffActive();

    Double runoffTreasuryCapBn();

    Double runoffMbsCapBn();

    /** Whether net asset purchases (QE) are under way; null when unknown. */
    Boolean purchasesActive();
}
