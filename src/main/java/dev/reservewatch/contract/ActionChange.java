package dev.reservewatch.contract;

import java.time.LocalDate;
import java.util.List;

/** A change of the recommended action set between two consecutive points of a series: the codes before and after. */
public record ActionChange(LocalDate asOf, List<String> from, List<String> to) {
}
