package dev.reservewatch.watch;

import static dev.reservewatch.watch.WatchFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.watch.FredTestServer.Fault;
import dev.reservewatch.watch.WatchFixtures.MutableClock;
import dev.reservewatch.watch.alert.AlertEvent;
import dev.reservewatch.watch.fetch.FetchRun;

/**
 * The watcher end to end against the FRED test server and a webhook: off without a key, a first fetch, data turning
 * stale and fetching failing told once each and their recovery, a restart that sends nothing again, verdict events
 * handed in by the judging, and one watcher per data folder.
 */
class WatcherTest {

    static final LocalDate OCTOBER = LocalDate.of(2025, 10, 1);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FredTestServer server;
    WebhookReceiver hook;
    final MutableClock clock = new MutableClock(OCTOBER);
    final List<Watcher> watchers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WatchFixtures.server(OCTOBER);
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

    Watcher watcher(String key, Path folder) {
        Watcher watcher = WatchFixtures.watcher(WatchFixtures.settings(server.baseUrl(), folder, key,
                List.of(hook.url("/alerts").toString())), clock);
        watchers.add(watcher);
        watcher.start();
        return watcher;
    }

    Watcher watcher() {
        return watcher(KEY, dir);
    }

    @Test
    void withoutAKeyNothingLeavesTheMachine() throws Exception {
        Path folder = dir.resolve("data");
        Watcher watcher = watcher(null, folder);
        assertThat(watcher.enabled()).isFalse();
        assertThat(watcher.fetch().get()).isNull();
        assertThat(watcher.status(null)).isEqualTo(WatchStatus.off());
        assertThat(server.requests()).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aKeyThatIsNoFredKeyIsNeverSent() throws Exception {
        Watcher watcher = watcher("NOT-A-FRED-KEY", dir);
        FetchRun run = watcher.fetchAndWait();
        assertThat(run.requests()).isZero();
        assertThat(server.requests()).isEmpty();
        WatchStatus status = watcher.status(null);
        assertThat(status.status()).isEqualTo(WatchStatus.Status.FAILING);
        assertThat(status.series()).allSatisfy(series -> assertThat(series.error()).startsWith("WATCH_FRED_API_KEY is not a FRED key"));
    }

    @Test
    void fetchesTellsStaleAndFailingDataOnceAndTheirRecovery() throws Exception {
        Watcher watcher = watcher();
        FetchRun first = watcher.fetchAndWait();
        assertThat(first.allOk()).isTrue();
        WatchStatus ok = watcher.status(null);
        assertThat(ok.status()).isEqualTo(WatchStatus.Status.OK);
        assertThat(ok.lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(ok.series()).extracting(SeriesFreshness::code).containsExactlyElementsOf(WatchFixtures.SERIES);
        assertThat(ok.series()).filteredOn(s -> s.code().equals("EFFR")).singleElement()
                .satisfies(s -> assertThat(s.lastObservation()).isEqualTo(LocalDate.of(2025, 9, 30)));
        assertThat(hook.await(1, Duration.ofMillis(300))).as("nothing to tell").isEmpty();

        // WTREGEN's file ends on 2025-11-19: three weeks on it is stale
        server.today(LocalDate.of(2025, 12, 15));
        clock.day(LocalDate.of(2025, 12, 15));
        watcher.fetchAndWait();
        JsonNode stale = JSON.readTree(hook.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(stale.path("event").asText()).isEqualTo("DATA_STALE");
        assertThat(stale.path("series").toString()).isEqualTo("[\"WTREGEN\"]");
        assertThat(watcher.status(null).status()).isEqualTo(WatchStatus.Status.STALE);
        watcher.fetchAndWait();
        assertThat(hook.await(2, Duration.ofMillis(300))).as("the same spell, told once").hasSize(1);

        server.fault("WALCL", Fault.serverError(-1));
        clock.advance(Duration.ofHours(8));
        FetchRun failed = watcher.fetchAndWait();
        assertThat(failed.outcomes().get("WALCL").ok()).isFalse();
        assertThat(watcher.retryAt()).isEqualTo(failed.finishedAt().plus(Duration.ofMinutes(30)));
        assertThat(hook.await(2, Duration.ofMillis(300))).as("one failed fetch is not told").hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        FetchRun retried = watcher.retryIfDue().orElseThrow().get();
        assertThat(retried.outcomes()).as("only the failed series again").containsOnlyKeys("WALCL");
        JsonNode failing = JSON.readTree(hook.await(2, Duration.ofSeconds(5)).get(1).body());
        assertThat(failing.path("event").asText()).isEqualTo("FETCH_FAILING");
        assertThat(failing.path("series").toString()).isEqualTo("[\"WALCL\"]");
        assertThat(failing.path("text").asText()).isEqualTo("Fetching from FRED keeps failing (2 fetches in a row) for "
                + "WALCL: FRED answered 500.");
        assertThat(watcher.status(null).status()).isEqualTo(WatchStatus.Status.FAILING);

        server.clearFaults();
        clock.advance(Duration.ofHours(8));
        watcher.fetchAndWait();
        JsonNode recovered = JSON.readTree(hook.await(3, Duration.ofSeconds(5)).get(2).body());
        assertThat(recovered.path("event").asText()).isEqualTo("RECOVERED");
        assertThat(recovered.path("series").toString()).isEqualTo("[\"WALCL\"]");
        assertThat(watcher.status(null).status()).as("WTREGEN is still stale").isEqualTo(WatchStatus.Status.STALE);
        assertThat(watcher.status(null).alerts()).extracting(AlertEvent::event).containsExactly(
                AlertEvent.Event.RECOVERED, AlertEvent.Event.FETCH_FAILING, AlertEvent.Event.DATA_STALE);

        // a restart: the state and what was told are read back, nothing is fetched needlessly or told again
        watcher.close();
        Watcher restarted = watcher();
        assertThat(restarted.status(null).lastSuccessAt()).isNotNull();
        server.forgetRequests();
        restarted.fetchAndWait();
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.query()).containsKey("observation_start"));
        assertThat(hook.await(4, Duration.ofMillis(500))).hasSize(3);
    }

    @Test
    void theJudgedWeeksRaiseTheirAlertsOnceAndShowAsLatest() throws Exception {
        Watcher watcher = watcher();
        List<Verdict> weeks = List.of(week(0, ReserveRegime.AMPLE), week(1, ReserveRegime.SCARCE));
        assertThat(watcher.judged(weeks)).extracting(AlertEvent::event).containsExactly(AlertEvent.Event.REGIME_CHANGED);
        assertThat(watcher.judged(weeks)).as("judged again: told already").isEmpty();
        assertThat(watcher.status(null).latest()).isEqualTo(weeks.get(1));
        JsonNode alert = JSON.readTree(hook.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(alert.path("regime").asText()).isEqualTo("SCARCE");
        assertThat(alert.path("previousRegime").asText()).isEqualTo("AMPLE");
        watcher.close();
        assertThat(watcher(KEY, dir).judged(weeks)).as("nor after a restart").isEmpty();
    }

    @Test
    void alertsAreWrittenInChineseWhenTheWatchIsSetToChinese() throws Exception {
        Watcher.Settings english = WatchFixtures.settings(server.baseUrl(), dir, KEY,
                List.of(hook.url("/alerts").toString()));
        Watcher.Settings chinese = new Watcher.Settings(english.key(), english.baseUrl(), english.dataDir(),
                english.webhookUrls(), english.zone(), english.series(), english.lookBackDays(), english.connectTimeout(),
                english.timeout(), english.attempts(), english.perSecond(), english.perMinute(), english.weeksToCross(),
                "zh", english.failedFetches(), english.giveUpAfter(), english.retryAfterFailure());
        Watcher watcher = WatchFixtures.watcher(chinese, clock);
        watchers.add(watcher);
        watcher.start();
        Verdict article = new DecisionEngine().evaluate(ShippedRules.ruleset(), Snapshots.article());
        List<AlertEvent> raised = watcher.judged(List.of(week(0, ReserveRegime.AMPLE), article));
        assertThat(raised).extracting(AlertEvent::event).contains(AlertEvent.Event.REGIME_CHANGED,
                AlertEvent.Event.SIGNAL_FIRED);
        assertThat(raised).allSatisfy(event -> assertThat(event.text()).matches("(?s).*\\p{IsHan}.*"));
        assertThat(raised).filteredOn(event -> event.event() == AlertEvent.Event.REGIME_CHANGED).singleElement()
                .satisfies(event -> assertThat(event.text()).startsWith("2025年10月24日当周：准备金状态由充足（AMPLE）转为稀缺（SCARCE）。"));
        assertThat(raised).extracting(AlertEvent::text).anySatisfy(text -> assertThat(text)
                .contains("ON_RRP_DEPLETED（高）信号触发", "隔夜逆回购（ON RRP）余额为2190亿美元"));
        assertThat(watcher.status(null).latest().explanation()).as("GET /watch follows the request, not the alerts")
                .startsWith("As of 2025-10-24");
    }

    @Test
    void aSecondWatcherOnTheSameFolderFetchesAndSendsNothing() throws Exception {
        Watcher first = watcher();
        Watcher second = watcher();
        assertThat(second.fetch().get()).isNull();
        assertThat(server.requests()).isEmpty();
        assertThat(second.judged(List.of(week(0, ReserveRegime.AMPLE), week(1, ReserveRegime.SCARCE)))).isEmpty();
        first.fetchAndWait();
        assertThat(second.status(null).lastSuccessAt()).as("it shows what the first wrote").isEqualTo(clock.instant());
        first.close();
        assertThat(second.fetch().get()).as("it takes over once the first is gone").isNotNull();
    }

    @Test
    void theKeptFolderHoldsOneFredFilePerSeriesAndTheStateBesideIt() throws Exception {
        watcher().fetchAndWait();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsAll(
                    WatchFixtures.SERIES.stream().map(code -> code + ".csv").toList())
                    .contains("fetch-state.json", "alerts.json", "watch.lock")
                    .allMatch(name -> !name.endsWith(".tmp"));
        }
    }

    static Verdict week(int n, ReserveRegime regime) {
        return new Verdict(LocalDate.of(2025, 10, 1).plusWeeks(n), regime, List.of(), List.of(), List.of(), "", List.of(),
                List.of(), new Verdict.RulesetRef("sha256:abc", Instant.EPOCH), 1, null, null);
    }

    @Test
    void metricsNameSeriesAndWebhooksButNeverTheirSecrets() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Watcher watcher = new Watcher(WatchFixtures.settings(server.baseUrl(), dir, KEY,
                List.of("slack:" + hook.url("/services/T0/B0/SECRETPATH"))), WatchFixtures.virtual(clock),
                new WatchMetrics(registry));
        watchers.add(watcher);
        watcher.start();
        watcher.fetchAndWait();
        watcher.judged(List.of(week(0, ReserveRegime.AMPLE), week(1, ReserveRegime.SCARCE)));
        String meters = registry.getMetersAsString();
        assertThat(meters).contains("reservewatch_watch_fetch_last_success_timestamp_seconds",
                "reservewatch_watch_series_stale", "series='EFFR'", "reservewatch_watch_regime", "regime='SCARCE'",
                "webhook='1-127.0.0.1'", "reservewatch_watch_fred_requests_total");
        assertThat(meters).doesNotContain(KEY, "SECRETPATH");
    }
}
