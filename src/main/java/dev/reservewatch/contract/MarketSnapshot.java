package dev.reservewatch.contract;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.reservewatch.model.Input;
import dev.reservewatch.model.Observation;

/**
 * A market snapshot as analysts send it: its date, the figures of {@link Input} it gives, the balance-sheet policy
 * in force ({@link Runoff}) and, optionally, earlier snapshots as its history. Every figure is optional: an absent
 * figure is unknown, never zero. {@link SnapshotReader} is the one way in from JSON (strict, every problem named);
 * the JSON written out has the same shape, absent figures left out. The API description gives its fields from
 * {@link Input} ({@code ApiDescription}).
 */
@JsonSerialize(using = MarketSnapshot.Writer.class)
@Schema(name = "MarketSnapshot", type = SchemaType.OBJECT,
        description = "A market snapshot: the figures of one day, each optional (absent is unknown, never zero)")
public final class MarketSnapshot implements Observation {

    private static final Input[] INPUTS = Input.values();

    @Schema(hidden = true)
    private final LocalDate asOf;
    /** The figures given, by {@link Input#ordinal()}; null where absent. */
    @Schema(hidden = true)
    private final Double[] values;
    /** Named so that the API description holds the Runoff schema; the properties are written from Input. */
    @Schema(implementation = Runoff.class)
    private final Runoff runoff;
    @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class)
    private final List<MarketSnapshot> history;

    private MarketSnapshot(LocalDate asOf, Double[] values, Runoff runoff, List<MarketSnapshot> history) {
        this.asOf = asOf;
        this.values = values;
        this.runoff = runoff;
        this.history = history == null ? null : List.copyOf(history);
    }

    /** A snapshot of {@code asOf} with no figure yet: add them with {@link Builder#with}. */
    public static Builder on(LocalDate asOf) {
        return new Builder(asOf);
    }

    @Override
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public Double value(Input input) {
        return values[input.ordinal()];
    }

    /** The balance-sheet policy in force, or null when the snapshot does not say. */
    public Runoff runoff() {
        return runoff;
    }

    /** Earlier snapshots, or null when none were given. */
    public List<MarketSnapshot> history() {
        return history;
    }

    @Override
    public Boolean runoffActive() {
        return runoff == null ? null : runoff.active();
    }

    @Override
    public Double runoffTreasuryCapBn() {
        return runoff == null ? null : runoff.treasuryCapBn();
    }

    @Override
    public Double runoffMbsCapBn() {
        return runoff == null ? null : runoff.mbsCapBn();
    }

    @Override
    public Boolean purchasesActive() {
        return runoff == null ? null : runoff.purchasesActive();
    }

    /** This snapshot with its history replaced (series evaluation hands each point its predecessors). */
    public MarketSnapshot withHistory(List<MarketSnapshot> earlier) {
        return new MarketSnapshot(asOf, values, runoff, earlier);
    }

    /** This snapshot with one figure given, replaced, or (null) taken out. */
    public MarketSnapshot with(Input input, Double value) {
        Double[] changed = values.clone();
        changed[input.ordinal()] = value;
        return new MarketSnapshot(asOf, changed, runoff, history);
    }

    /** This snapshot under another policy (null: none said). */
    public MarketSnapshot withRunoff(Runoff policy) {
        return new MarketSnapshot(asOf, values, policy, history);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MarketSnapshot that && Objects.equals(asOf, that.asOf)
                && Arrays.equals(values, that.values) && Objects.equals(runoff, that.runoff)
                && Objects.equals(history, that.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(asOf, Arrays.hashCode(values), runoff, history);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MarketSnapshot[asOf=").append(asOf);
        for (Input input : INPUTS) {
            if (values[input.ordinal()] != null) {
                text.append(", ").append(input.field()).append('=').append(values[input.ordinal()]);
            }
        }
        if (runoff != null) {
            text.append(", runoff=").append(runoff);
        }
        if (history != null) {
            text.append(", history=").append(history.size()).append(" points");
        }
        return text.append(']').toString();
    }

    /** Builds a snapshot figure by figure. */
    public static final class Builder {
        private final LocalDate asOf;
        private final Double[] values = new Double[INPUTS.length];
        private Runoff runoff;
        private List<MarketSnapshot> history;

        private Builder(LocalDate asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        /** Gives a figure; null leaves it absent. */
        public Builder with(Input input, Double value) {
            values[input.ordinal()] = value;
            return this;
        }

        public Builder runoff(Runoff policy) {
            this.runoff = policy;
            return this;
        }

        public Builder history(List<MarketSnapshot> earlier) {
            this.history = earlier;
            return this;
        }

        public MarketSnapshot build() {
            return new MarketSnapshot(asOf, values.clone(), runoff, history);
        }
    }

    /** Writes a snapshot as it is read: {@code asOf}, the figures given in {@link Input}'s order, runoff, history. */
    static final class Writer extends StdSerializer<MarketSnapshot> {

        Writer() {
            super(MarketSnapshot.class);
        }

        @Override
        public void serialize(MarketSnapshot snapshot, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject();
            json.writeStringField("asOf", snapshot.asOf.toString());
            for (Input input : INPUTS) {
                Double value = snapshot.values[input.ordinal()];
                if (value != null) {
                    json.writeNumberField(input.field(), value);
                }
            }
            if (snapshot.runoff != null) {
                provider.defaultSerializeField("runoff", snapshot.runoff, json);
            }
            if (snapshot.history != null) {
                json.writeArrayFieldStart("history");
                for (MarketSnapshot earlier : snapshot.history) {
                    serialize(earlier, json, provider);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }
}
