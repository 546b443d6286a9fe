package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Runoff;
import dev.reservewatch.testing.FuzzValues;

/**
 * For any snapshot within the bounds the contract checks, and any history of such snapshots, every figure the rules
 * can read is finite or unknown, never infinite or NaN; and no double makes the formats throw. Coverage-guided
 * (Jazzer): a plain build replays the saved inputs under {@code src/test/resources/.../FiguresFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes (.ci/fuzz).
 */
class FiguresFuzzTest {

    @FuzzTest
    void everyFigureOfAnInBoundsSnapshotIsFiniteOrUnknown(FuzzedDataProvider data) {
        double any = data.consumeDouble();
        UnitFormat.round2(any);
        assertThat(UnitFormat.format(any, data.pickValue(List.of("%", "bp", "$bn", "")))).isNotBlank();

        LocalDate asOf = LocalDate.of(2025, 10, 24).plusDays(data.consumeInt(-40_000, 40_000));
        List<MarketSnapshot> history = new ArrayList<>();
        int earlier = data.consumeInt(0, 6);
        for (int i = 0; i < earlier; i++) {
            history.add(snapshot(data, asOf.minusDays(data.consumeInt(1, 200))).build());
        }
        Observation now = snapshot(data, asOf).history(history).build();
        Market market = Market.of(now, History.of(history), new TrendWindows(data.consumeInt(1, 120),
                data.consumeInt(1, 400)));
        for (Figures.Figure figure : Figures.all().values()) {
            Object value = figure.of(market);
            if (value instanceof Double number) {
                assertThat(number).as("%s of %s", figure.name(), now).isFinite();
            }
        }
    }

    /** A snapshot whose every figure is in its bounds, or absent. */
    private static MarketSnapshot.Builder snapshot(FuzzedDataProvider data, LocalDate asOf) {
        MarketSnapshot.Builder snapshot = MarketSnapshot.on(asOf);
        for (Input input : Input.values()) {
            if (data.consumeBoolean()) {
                double value = FuzzValues.number(data, input.bounds());
                if (input.bounds().contains(value)) {
                    snapshot.with(input, value);
                }
            }
        }
        if (data.consumeBoolean()) {
            double treasury = FuzzValues.number(data, Runoff.CAP_BOUNDS);
            double mbs = FuzzValues.number(data, Runoff.CAP_BOUNDS);
            snapshot.runoff(new Runoff(data.consumeBoolean(), Runoff.CAP_BOUNDS.contains(treasury) ? treasury : null,
                    Runoff.CAP_BOUNDS.contains(mbs) ? mbs : null));
        }
        return snapshot;
    }
}
