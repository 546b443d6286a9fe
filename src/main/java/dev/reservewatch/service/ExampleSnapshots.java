package dev.reservewatch.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotExample;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.lifecycle.Activation;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.scenario.Scenario;
import dev.reservewatch.error.BadInputException;

/**
 * Snapshots to start from: the article's example, the latest week of the shipped history with the weeks before it
 * as its history, and the snapshot of every scenario of the active rules. The console's Judge page fills its form
 * from them; a script can take one as a template.
 */
@ApplicationScoped
public class ExampleSnapshots {

    static final String ARTICLE = "/examples/2025-10-article.json";

    private final SnapshotReader reader;
    private final BacktestService backtests;
    private final ActiveRuleset rulesets;
    /** The article's snapshot, read on first use. */
    private volatile MarketSnapshot article;

    public ExampleSnapshots(SnapshotReader reader, BacktestService backtests, ActiveRuleset rulesets) {
        this.reader = reader;
        this.backtests = backtests;
        this.rulesets = rulesets;
    }


    public List<SnapshotExample> all() {
        List<SnapshotExample> examples = new ArrayList<>();
        examples.add(new SnapshotExample("article", "2025-10-24: the article's snapshot", "examples/2025-10-article.json",
                article()));
        List<MarketSnapshot> history = backtests.shippedHistory();
        MarketSnapshot latest = history.get(history.size() - 1);
        List<MarketSnapshot> before = history.stream()
                .filter(point -> point.asOf().isBefore(latest.asOf())
                        && !point.asOf().isBefore(latest.asOf().minusDays(backtests.historyDays())))
                .toList();
        examples.add(new SnapshotExample("latest-week", latest.asOf() + ": the latest week of the shipped history, with the "
                + before.size() + " weeks before it", "examples/history/fred-weekly.csv", latest.withHistory(before)));
        Map<String, byte[]> scenarios = new TreeMap<>(rulesets.activation().map(Activation::scenarioFiles)
                .orElse(Map.of()));
        scenarios.forEach((file, json) -> {
            try {
                Scenario scenario = Scenario.parse(file, json, reader);
                examples.add(new SnapshotExample("scenario:" + file, scenario.name(), "rules/scenarios/" + file,
                        scenario.snapshot()));
            } catch (BadInputException e) {
                // a scenario of the active rules always parses; one that does not is no example
            }
        });
        return examples;
    }

    private MarketSnapshot article() {
        MarketSnapshot read = article;
        if (read == null) {
            read = readArticle();
            article = read;
        }
        return read;
    }

    private MarketSnapshot readArticle() {
        try (InputStream in = ExampleSnapshots.class.getResourceAsStream(ARTICLE)) {
            if (in == null) {
                throw new IllegalStateException(ARTICLE + " is not in the build");
            }
            return reader.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
