package dev.reservewatch.contract;

import java.util.Locale;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;

/**
 * How much of a single verdict {@code POST /verdicts} answers with ({@code ?view=}): all of it, or all but the
 * watchlist ({@code compact}).
 */
public enum VerdictView {
    /** The whole verdict. */
    FULL,
    /** The verdict without its watchlist. */
    WITHOUT_WATCHLIST;

    /** The view a request names: {@code full} or {@code compact}. */
    public static VerdictView named(String view) {
        return switch (view.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "compact" -> WITHOUT_WATCHLIST;
            default -> throw BadInputException.of("view", "must be full or compact, not '" + Excerpt.of(view, 40)
                    + "'");
        };
    }

    /** The verdict as this view shows it. */
    public Verdict of(Verdict verdict) {
        return this == WITHOUT_WATCHLIST ? verdict.withoutWatchlist() : verdict;
    }
}
