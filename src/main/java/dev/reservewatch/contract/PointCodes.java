package dev.reservewatch.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.model.ReserveRegime;

/** A point's verdict in codes: regime, action codes, signal codes ({@link Verdict#codes()}). */
@JsonPropertyOrder({ "regime", "actions", "signals" })
public record PointCodes(ReserveRegime regime, List<String> actions, List<String> signals) {
}
