package dev.reservewatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.TrendWindows;
import dev.reservewatch.service.RunoffCalendar;
import dev.reservewatch.watch.WatchFixtures.MutableClock;
import dev.reservewatch.watch.alert.AlertEvent;

/**
 * Autumn 2025 replayed week by week: each Thursday the FRED test server knows what FRED had published by then, the
 * watch fetches it, judges it with the shipped rules exactly as the service does after a fetch
 * ({@link WatchJudge#judge}), and tells the webhook what changed. The alerts it gives are written to
 * {@code target/watch-replay-autumn-2025.txt} (docs/watch.md quotes them).
 */
class WatchReplayTest {

    static final LocalDate FIRST_THURSDAY = LocalDate.of(2025, 9, 25);
    static final LocalDate LAST_THURSDAY = LocalDate.of(2025, 12, 11);

    @TempDir
    Path dir;
    FredTestServer server;
    WebhookReceiver hook;
    final MutableClock clock = new MutableClock(FIRST_THURSDAY);
    final List<Watcher> watchers = new ArrayList<>();
    final RunoffCalendar calendar = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());
    final SeriesJudge judge = new SeriesJudge(new DecisionEngine());

    @BeforeEach
    void start() throws Exception {
        server = WatchFixtures.server(FIRST_THURSDAY);
        hook = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        watchers.forEach(Watcher::close);
        if (server != null) {
            server.close();
        }
        if (hook != null) {
            hook.close();
        }
    }

    private Watcher watcher() {
        Watcher watcher = WatchFixtures.watcher(WatchFixtures.settings(server.baseUrl(), dir, WatchFixtures.KEY,
                List.of(hook.url("/alerts").toString())), clock);
        watchers.add(watcher);
        watcher.start();
        return watcher;
    }

    /** What the service does after a fetch: the kept data as weekly points, judged, handed to the watch. */
    private List<AlertEvent> judgeKept(Watcher watcher) {
        WatchJudge.Judged judged = WatchJudge.judge(watcher.observations(), calendar, ShippedRules.ruleset(), judge,
                10_000, TrendWindows.DEFAULT.historyDays());
        return watcher.judged(judged.verdicts());
    }

    @Test
    void tellsTheAutumnOf2025OnceAWeekAsItHappened() throws Exception {
        Watcher watcher = watcher();
        Map<LocalDate, List<AlertEvent>> told = new LinkedHashMap<>();
        StringBuilder replay = new StringBuilder();
        for (LocalDate day = FIRST_THURSDAY; !day.isAfter(LAST_THURSDAY); day = day.plusWeeks(1)) {
            server.today(day);
            clock.day(day);
            watcher.fetchAndWait();
            List<AlertEvent> raised = judgeKept(watcher);
            Verdict latest = watcher.status(null).latest();
            told.put(latest.asOf(), raised);
            replay.append(day).append(" (Thursday): week of ").append(latest.asOf()).append(", ").append(latest.regime())
                    .append(' ').append(latest.codes().actions()).append('\n');
            raised.forEach(event -> replay.append("  ").append(event.event()).append(": ").append(event.text()).append('\n'));
            // the same data again: nothing new to tell
            assertThat(judgeKept(watcher)).as("judged again on " + day).isEmpty();
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/watch-replay-autumn-2025.txt"), replay);

        // the runoff's end called three weeks before the decision, scarcity in the decision's week
        assertThat(events(told.get(LocalDate.of(2025, 10, 8)))).contains(AlertEvent.Event.ACTIONS_CHANGED);
        assertThat(told.get(LocalDate.of(2025, 10, 8))).filteredOn(e -> e.event() == AlertEvent.Event.ACTIONS_CHANGED)
                .singleElement().satisfies(e -> assertThat(e.actions()).contains("END_RUNOFF"));
        assertThat(told.get(LocalDate.of(2025, 10, 29))).filteredOn(e -> e.event() == AlertEvent.Event.REGIME_CHANGED)
                .singleElement().satisfies(e -> {
                    assertThat(e.regime()).isEqualTo(ReserveRegime.SCARCE);
                    assertThat(e.previousRegime()).isEqualTo(ReserveRegime.TIGHTENING);
                });
        assertThat(told.get(LocalDate.of(2025, 10, 29))).filteredOn(e -> e.event() == AlertEvent.Event.SIGNAL_FIRED)
                .extracting(e -> e.signals().get(0).code()).contains("SRF_ROUTINE_USE", "REPO_SPIKE");
        assertThat(told.get(LocalDate.of(2025, 12, 3))).filteredOn(e -> e.event() == AlertEvent.Event.ACTIONS_CHANGED)
                .singleElement().satisfies(e -> assertThat(e.actions()).containsExactly("RESERVE_MANAGEMENT_PURCHASES"));

        // each told once, and each received once (with the data's own alerts: WTREGEN stops after 2025-11-19)
        List<String> ids = told.values().stream().flatMap(List::stream).map(AlertEvent::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<String> received = hook.await(ids.size(), Duration.ofSeconds(20)).stream()
                .map(WebhookReceiver.Received::idempotencyKey).toList();
        assertThat(received).doesNotHaveDuplicates().containsAll(ids);

        // a restart on the same folder tells nothing again
        watcher.close();
        assertThat(judgeKept(watcher())).as("after a restart").isEmpty();
    }

    private static List<AlertEvent.Event> events(List<AlertEvent> raised) {
        return raised.stream().map(AlertEvent::event).toList();
    }
}
