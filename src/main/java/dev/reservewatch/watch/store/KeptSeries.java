package dev.reservewatch.watch.store;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One series as the data folder keeps it: observation dates in order, each with the number text FRED sent, or
 * null where FRED sent "." (a holiday, a day without an operation). The text is kept as FRED wrote it
 * ({@code "6743028"}, {@code "6572732.0000"}): readers parse it as a decimal.
 */
public record KeptSeries(String code, NavigableMap<LocalDate, String> values) {

    public KeptSeries {
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    public static KeptSeries empty(String code) {
        return new KeptSeries(code, new TreeMap<>());
    }

    /** The date of the last observation with a value, or null. */
    public LocalDate lastObservation() {
        for (Map.Entry<LocalDate, String> entry : values.descendingMap().entrySet()) {
            if (entry.getValue() != null) {
                return entry.getKey();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
