package dev.reservewatch.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API description's name for a snapshot without a history of its own: an entry of a snapshot's
 * {@code history}, a point of a series, a snapshot a backtest built. The service reads each as a
 * {@link MarketSnapshot}; the description gives them this schema, the snapshot's fields but {@code history}
 * (filled in when the description is built), so that a generated client cannot send an entry a history.
 */
@Schema(name = "HistoryEntry", description = "A market snapshot without a history of its own: an entry of a "
        + "snapshot's history, or a point of a series")
public final class HistoryEntry {

    private HistoryEntry() {
    }
}
