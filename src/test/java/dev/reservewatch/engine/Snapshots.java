package dev.reservewatch.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.engine.scenario.Scenario;
import dev.reservewatch.model.History;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.TrendWindows;

/** Snapshots for tests: from JSON text, or from a shipped scenario file. */
public final class Snapshots {

    private Snapshots() {
    }

    public static MarketSnapshot json(String json) {
        return ShippedRules.READER.read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Scenario scenario(String file) {
        try {
            return Scenario.parse(file, Files.readAllBytes(ShippedRules.DIR.resolve("scenarios").resolve(file)),
                    ShippedRules.READER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's 2025-10 alarm, the snapshot most tests start from. */
    public static MarketSnapshot article() {
        return scenario("2025-10-article-alarm.json").snapshot();
    }

    /** The facts of a snapshot judged with the history it carries and the default trend windows. */
    public static Market market(MarketSnapshot snapshot) {
        return Market.of(snapshot, History.of(snapshot.history()), TrendWindows.DEFAULT);
    }
}
