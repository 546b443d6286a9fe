package dev.reservewatch.engine.scenario;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.ReserveRegime;

/**
 * A named episode with the verdict the rules must give for it ({@code rules/scenarios/*.json}):
 * {@code { "name", "description"?, "snapshot", "expect": { "regime", "actions", "absentActions",
 * "signals", "absentSignals", "watch", "text" } }}. Every listed expectation must hold.
 */
public record Scenario(String file, String name, String description, MarketSnapshot snapshot, Expectation expect) {

    /**
     * What the verdict must show; an absent list expects nothing of that kind. {@code text}: by language ({@code en},
     * {@code zh}), phrases the verdict's text for people in that language must hold (its explanation, which holds
     * every message and rationale).
     */
    public record Expectation(ReserveRegime regime, List<String> actions, List<String> absentActions,
            List<String> signals, List<String> absentSignals, List<WatchExpectation> watch,
            Map<String, List<String>> text) {

        public Expectation(ReserveRegime regime, List<String> actions, List<String> absentActions,
                List<String> signals, List<String> absentSignals, List<WatchExpectation> watch) {
            this(regime, actions, absentActions, signals, absentSignals, watch, null);
        }

        @JsonCreator
        public Expectation(@JsonProperty("regime") ReserveRegime regime,
                @JsonProperty("actions") List<String> actions,
                @JsonProperty("absentActions") List<String> absentActions,
                @JsonProperty("signals") List<String> signals,
                @JsonProperty("absentSignals") List<String> absentSignals,
                @JsonProperty("watch") List<WatchExpectation> watch,
                @JsonProperty("text") Map<String, List<String>> text) {
            this.regime = regime;
            this.actions = actions == null ? List.of() : List.copyOf(actions);
            this.absentActions = absentActions == null ? List.of() : List.copyOf(absentActions);
            this.signals = signals == null ? List.of() : List.copyOf(signals);
            this.absentSignals = absentSignals == null ? List.of() : List.copyOf(absentSignals);
            this.watch = watch == null ? List.of() : List.copyOf(watch);
            this.text = text == null ? Map.of() : Map.copyOf(text);
        }
    }

    /**
     * An entry the verdict's watchlist must hold: for {@code signal} (and {@code metric}, when given), firing or
     * not ({@code firing}, when given), and within {@code withinPct} percent of its line (when given).
     */
    public record WatchExpectation(String signal, String metric, Boolean firing, Double withinPct) {

        @JsonCreator
        public WatchExpectation(@JsonProperty("signal") String signal, @JsonProperty("metric") String metric,
                @JsonProperty("firing") Boolean firing, @JsonProperty("withinPct") Double withinPct) {
            if (signal == null || signal.isBlank()) {
                throw new IllegalArgumentException("a watch expectation names its signal");
            }
            this.signal = signal;
            this.metric = metric;
            this.firing = firing;
            this.withinPct = withinPct;
        }
    }

    private static final List<String> FIELDS = List.of("name", "description", "snapshot", "expect");

    /** Reads a scenario file strictly: its snapshot with the same rules as a request body. */
    public static Scenario parse(String file, byte[] json, SnapshotReader reader) {
        JsonNode root = reader.parse(json);
        if (!root.isObject()) {
            throw BadInputException.of("body", "a scenario is a JSON object {name, snapshot, expect}");
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw BadInputException.of(field, "unknown scenario field; a scenario has " + FIELDS);
            }
        });
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw BadInputException.of("name", "is required: the episode's name");
        }
        JsonNode snapshot = root.get("snapshot");
        if (snapshot == null) {
            throw BadInputException.of("snapshot", "is required");
        }
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isObject()) {
            throw BadInputException.of("expect", "is required: an object {regime, actions, absentActions, signals}");
        }
        Expectation expectation;
        try {
            expectation = reader.strictMapper().treeToValue(expect, Expectation.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("expect: " + e.getMessage(), List.of(new FieldError("expect",
                    "must be {regime, actions, absentActions, signals, absentSignals, watch, text} with a regime"
                            + " of " + List.of(ReserveRegime.values()) + ", lists of codes, watch entries {signal,"
                            + " metric, firing, withinPct}, and text {\"en\" or \"zh\": [phrases]}")));
        }
        JsonNode description = root.get("description");
        return new Scenario(file, name.textValue(), description == null ? null : description.asText(),
                reader.read(snapshot, "snapshot."), expectation);
    }
}
