package dev.reservewatch.contract;

import java.util.List;

import dev.reservewatch.contract.PolicyEvent;

/** The shipped policy calendar, in the format an upload's {@code policy} part takes. */
public record PolicyCalendar(List<PolicyEvent> events) {
}
