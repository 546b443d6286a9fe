package dev.reservewatch.watch.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the watch has told, kept beside the data ({@code alerts.json}, written atomically on every change): the ids
 * of the events already taken (bounded, newest last), the last week alerted on, the data view
 * ({@link DataEvents.View}), the alerts still to deliver per webhook, and the latest alerts for {@code GET /watch}.
 * A restart reads it back, so that no event is taken twice and no pending alert is lost.
 */
public record AlertLedger(List<String> taken, LocalDate lastWeek, DataEvents.View data, List<Pending> outbox,
        List<AlertEvent> recent) {

    public static final String FILE = "alerts.json";

    public AlertLedger {
        taken = taken == null ? List.of() : List.copyOf(taken);
        data = data == null ? DataEvents.View.empty() : data;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    public static AlertLedger empty() {
        return new AlertLedger(List.of(), null, DataEvents.View.empty(), List.of(), List.of());
    }

    /**
     * One alert still to deliver to one webhook (by {@link Webhook#key()}): when it was queued, how many tries
     * failed, when the next is due, and the last failure.
     */
    public record Pending(String webhook, AlertEvent alert, Instant queuedAt, int attempts, Instant nextAttemptAt,
            String lastError) {
    }
}
