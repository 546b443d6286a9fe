package dev.reservewatch.testing;

import java.time.LocalDate;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.DateBounds;

/**
 * The values the fuzz tests build inputs from: each bound and its neighbours, the extremes of a double (the ones
 * that made figures overflow: 1e308, 1e-320), and plain values near real ones, so that the fuzzer reaches both the
 * checks and the arithmetic behind them.
 */
public final class FuzzValues {

    /** Numbers that have broken figures before, or sit at the edge of what a double holds. */
    public static final List<Double> EXTREMES = List.of(0.0, -0.0, 1.0, -1.0, 1e-320, Double.MIN_VALUE, 1e-9, 0.5,
            0.999, 1e13, 1e15, 1.7e306, 1e307, 1e308, Double.MAX_VALUE, -1e308, 6_540_000.0, 2_933_037.0, 20_000.0,
            50_000.0, 200_000.0, 5_000.0, 1_000.0, 100.0, -10.0, -50.0);
    /** Dates at the edges of the accepted range and of what Java can hold, and ordinary ones. */
    public static final List<String> DATES = List.of("2025-10-24", "2025-10-17", "2025-06-30", "2019-09-17",
            "1900-01-01", "1899-12-31", "2199-12-31", "2200-01-01", "-999999999-01-01", "+999999999-12-31",
            "2025-02-29", "2024-02-29", "2025-10-31", "2025-12-15");

    private FuzzValues() {
    }

    /** A number for a field with these bounds: in them most of the time, at or past an edge, or anything at all. */
    public static double number(FuzzedDataProvider data, Bounds bounds) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> data.pickValue(EXTREMES);
            case 1 -> data.pickValue(List.of(bounds.min(), bounds.max(), Math.nextDown(bounds.min()),
                    Math.nextUp(bounds.max()), -bounds.max()));
            case 2 -> data.consumeDouble();
            case 3 -> Double.isFinite(bounds.max()) ? data.consumeRegularDouble(bounds.min(), bounds.max())
                    : data.consumeRegularDouble(bounds.min(), 1e6);
            default -> data.consumeRegularDouble(-1e6, 1e6);
        };
    }

    /** A date as text: an edge, an ordinary one, or a day anywhere Java can count. */
    public static String date(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(DATES);
            case 1 -> LocalDate.ofEpochDay(data.consumeLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()))
                    .toString();
            case 2 -> LocalDate.of(2025, 10, 24).minusDays(data.consumeInt(0, 800)).toString();
            default -> DateBounds.ALL.first().plusDays(data.consumeInt(0, 110_000)).toString();
        };
    }
}
