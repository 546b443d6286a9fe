package dev.reservewatch.watch.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;

/**
 * An alert as each webhook receives it (the contract's shape). {@code id} is stable for the same event: the same
 * week's same change, or the same episode of stale or failing data, gets the same id after a restart and on any
 * replica, so a receiver can drop repeats. {@code actions} and {@code previousActions} are action codes;
 * {@code signals} the signals concerned with their figures; {@code watch} the watchlist entry of a
 * {@code TRIGGER_NEAR}; {@code series} the series codes of a data event; {@code text} one or two sentences.
 */
@JsonPropertyOrder({ "id", "event", "asOf", "regime", "previousRegime", "actions", "previousActions", "signals",
        "watch", "series", "decisionId", "rulesetVersion", "text" })
public record AlertEvent(String id, Event event, LocalDate asOf, ReserveRegime regime, ReserveRegime previousRegime,
        List<String> actions, List<String> previousActions, List<Verdict.SignalReport> signals, Verdict.Watch watch,
        List<String> series, String decisionId, String rulesetVersion, String text) {

    /** What happened. */
    public enum Event {
        REGIME_CHANGED, ACTIONS_CHANGED, SIGNAL_FIRED, SIGNAL_CLEARED, TRIGGER_NEAR, DATA_STALE, FETCH_FAILING, RECOVERED
    }

    /**
     * The id of an event: a digest of what it is and what it is about ({@code parts}: the week and the change, or the
     * series and the episode), never of when or where it was noticed.
     */
    public static String idOf(Event event, Object... parts) {
        StringBuilder key = new StringBuilder(event.name());
        for (Object part : parts) {
            key.append('|').append(part);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
