package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.service.SeriesCsv;

/**
 * A series builds one history for all its points and keeps what each point reads of it (its calendar, the figures a
 * window reads, the figures later points read back); a snapshot carrying the same points as its own history reads
 * them afresh. Over the shipped weekly history (2018-2026, every figure the rules read), each point's market is the
 * same either way, figure for figure, whichever order the series' markets are built in.
 */
class SeriesMarketsTest {

    private static final Map<String, Figures.Figure> FIGURES = Figures.all();

    private static List<MarketSnapshot> shipped() throws IOException {
        return SeriesCsv.read(Files.readAllBytes(Path.of("examples/history/fred-weekly.csv")),
                SnapshotReader.standalone(), Integer.MAX_VALUE);
    }

    private static void assertSameFigures(Market inSeries, Market alone) {
        for (Figures.Figure figure : FIGURES.values()) {
            assertThat(figure.of(inSeries)).as("%s on %s", figure.name(), alone.getAsOf()).isEqualTo(figure.of(alone));
        }
    }

    @Test
    void aSeriesPointsMarketIsTheMarketOfTheSnapshotCarryingTheSamePoints() throws IOException {
        List<MarketSnapshot> points = shipped();
        History all = History.ofSorted(points);
        for (int i = 0; i < points.size(); i++) {
            Market inSeries = Market.of(points.get(i), all.upTo(i), TrendWindows.DEFAULT);
            Market alone = Market.of(points.get(i), History.of(points.subList(0, i)), TrendWindows.DEFAULT);
            assertSameFigures(inSeries, alone);
        }
        assertThat(points).hasSizeGreaterThan(400);
        Market last = Market.of(points.get(points.size() - 1), all.upTo(points.size() - 1), TrendWindows.DEFAULT);
        assertThat(last.getReserveDemandSlopeHeldBpPerPp()).as("the figures compared are known").isNotNull();
        assertThat(last.getSrfRoutineWeeks()).isNotNull();
    }

    @Test
    void theSameWhenTheSeriesIsJudgedFromItsMiddleAndItsEarlierPointsAfterwards() throws IOException {
        List<MarketSnapshot> points = shipped();
        History all = History.ofSorted(points);
        int middle = points.size() / 2;
        for (int i = middle; i < points.size(); i++) {
            assertSameFigures(Market.of(points.get(i), all.upTo(i), TrendWindows.DEFAULT),
                    Market.of(points.get(i), History.of(points.subList(0, i)), TrendWindows.DEFAULT));
        }
        for (int i = middle - 1; i >= 0; i--) {
            assertSameFigures(Market.of(points.get(i), all.upTo(i), TrendWindows.DEFAULT),
                    Market.of(points.get(i), History.of(points.subList(0, i)), TrendWindows.DEFAULT));
        }
    }
}
