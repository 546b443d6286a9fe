package dev.reservewatch.model;

import java.time.LocalDate;

/**
 * One day's figures as the facts read them: what a market snapshot gives, each null when unknown. The request's
 * snapshot implements it, so the facts need not know the request's shape.
 */
public interface Observation {

    LocalDate asOf();

    /** The figure the snapshot gives for this input, or null when it does not give it. */
    Double value(Input input);

    /** Whether the runoff is on; null when the snapshot says nothing of the policy. */
    Boolean runoffActive();

    Double runoffTreasuryCapBn();

    Double runoffMbsCapBn();

    /** Whether net asset purchases (QE) are under way; null when unknown. */
    Boolean purchasesActive();
}
