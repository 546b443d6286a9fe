package dev.reservewatch.contract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.MarketSnapshot;

/** A snapshot to start from: an id for links, a label to pick it by, where it comes from, the snapshot. */
@JsonPropertyOrder({ "id", "label", "source", "snapshot" })
public record SnapshotExample(String id, String label, String source, MarketSnapshot snapshot) {
}
