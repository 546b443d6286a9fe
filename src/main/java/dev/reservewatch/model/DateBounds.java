package dev.reservewatch.model;

import java.time.LocalDate;

/**
 * The dates a snapshot, a series point, a FRED row or a policy event may carry: a century either side of any
 * data there is (the H.8 from 1973, FRED's extracts from 2000), so that every date the figures work out (a week,
 * a window or a year before, a projection two years on) is an ordinary date.
 */
public record DateBounds(LocalDate first, LocalDate last) {

    /** Every date the service reads. */
    public static final DateBounds ALL = new DateBounds(LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31));

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** {@code "from 1900-01-01 to 2199-12-31"}. */
    public String describe() {
        return "from " + first + " to " + last;
    }
}
