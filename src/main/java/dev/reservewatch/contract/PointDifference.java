package dev.reservewatch.contract;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.PointCodes;

/** A point the draft judges otherwise than the active rules. */
@JsonPropertyOrder({ "asOf", "active", "draft" })
public record PointDifference(LocalDate asOf, PointCodes active, PointCodes draft) {
}
