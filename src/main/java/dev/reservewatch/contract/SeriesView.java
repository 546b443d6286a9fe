package dev.reservewatch.contract;

import java.util.Locale;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;

/**
 * How much of each verdict a series or a backtest answers with ({@code ?view=}): every verdict in full, or its
 * codes only ({@code compact}). A single verdict's {@code ?view=compact} means something else, the verdict without
 * its watchlist ({@link VerdictView}).
 */
public enum SeriesView {
    /** Every verdict in full, as {@code POST /verdicts} gives it. */
    FULL,
    /** asOf, regime, action and signal codes, missing inputs: what a backtest table needs ({@link CompactVerdict}). */
    CODES;

    /** The view a request names: {@code full} or {@code compact}. */
    public static SeriesView named(String view) {
        return switch (view.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "compact" -> CODES;
            default -> throw BadInputException.of("view", "must be full or compact, not '" + Excerpt.of(view, 40) + "'");
        };
    }

}
