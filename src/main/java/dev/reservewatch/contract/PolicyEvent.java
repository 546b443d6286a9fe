package dev.reservewatch.contract;

import java.time.LocalDate;

/**
 * One change of policy: the runoff on or off with its caps, and whether net asset purchases run
 * ({@code purchasesActive}: null keeps what the events before said).
 */
public record PolicyEvent(LocalDate date, boolean active, Double treasuryCapBn, Double mbsCapBn, Boolean purchasesActive,
        String note) {
}
