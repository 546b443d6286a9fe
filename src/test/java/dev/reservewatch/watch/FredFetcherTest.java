package dev.reservewatch.watch;

import static dev.reservewatch.watch.WatchFixtures.FRED;
import static dev.reservewatch.watch.WatchFixtures.KEY;
import static dev.reservewatch.watch.WatchFixtures.SERIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.reservewatch.config.Secret;
import dev.reservewatch.service.FredImport;
import dev.reservewatch.service.RunoffCalendar;
import dev.reservewatch.watch.FredTestServer.Fault;
import dev.reservewatch.watch.WatchFixtures.MutableClock;
import dev.reservewatch.watch.WatchFixtures.RecordingSleeper;
import dev.reservewatch.watch.WatchFixtures.VirtualTime;
import dev.reservewatch.watch.fetch.Backoff;
import dev.reservewatch.watch.fetch.FetchRun;
import dev.reservewatch.watch.fetch.FredClient;
import dev.reservewatch.watch.fetch.FredException;
import dev.reservewatch.watch.fetch.FredFetcher;
import dev.reservewatch.watch.fetch.RateLimiter;
import dev.reservewatch.watch.store.FetchState;
import dev.reservewatch.watch.store.JsonFiles;
import dev.reservewatch.watch.store.KeptSeries;
import dev.reservewatch.watch.store.SeriesStore;

/**
 * Fetch runs against the FRED test server: a first fetch into an empty folder, incremental ones with their look-back,
 * paging, each kind of fault on one series while the others go on, a refused key, and the real limiter's pace.
 */
class FredFetcherTest {

    static final LocalDate OCTOBER = LocalDate.of(2025, 10, 1);

    @TempDir
    Path dir;
    FredTestServer server;
    final VirtualTime time = new VirtualTime();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final MutableClock clock = new MutableClock(OCTOBER);

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    FredFetcher fetcher(String key, int pageSize, Duration timeout, RateLimiter.Clock limiterClock) {
        FredClient client = new FredClient(server.baseUrl(), Secret.of(key), FredClient.http(Duration.ofSeconds(2)),
                timeout, new RateLimiter(2, 120, limiterClock), clock);
        return new FredFetcher(client, new SeriesStore(dir), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
                () -> 0.5), sleeper, clock, new FredFetcher.Settings(60, 3, pageSize, 4));
    }

    FredFetcher fetcher() {
        return fetcher(KEY, 100_000, Duration.ofSeconds(5), time);
    }

    @Test
    void aFirstFetchIntoAnEmptyFolderKeepsEverySeriesAsPublishedByToday() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun run = fetcher().run(SERIES, FetchState.empty());

        assertThat(run.allOk()).as("%s", run.outcomes()).isTrue();
        assertThat(run.requests()).as("one request a series: each fits one page").isEqualTo(SERIES.size());
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.query())
                .doesNotContainKey("observation_start").containsEntry("file_type", "json"));
        SeriesStore store = new SeriesStore(dir);
        for (String code : SERIES) {
            NavigableMap<LocalDate, String> published = new TreeMap<>();
            FredTestServer.read(Files.readString(FRED.resolve(code + ".csv"))).forEach((date, value) -> {
                if (!FredTestServer.published(code, date).isAfter(OCTOBER)) {
                    published.put(date, value);
                }
            });
            KeptSeries kept = store.read(code);
            assertThat(kept.values().keySet()).as(code).containsExactlyElementsOf(published.keySet());
            published.forEach((date, value) -> assertThat(same(kept.values().get(date), value)).as("%s %s: %s vs %s", code,
                    date, kept.values().get(date), value).isTrue());
            assertThat(Files.readAllLines(store.file(code)).get(0)).isEqualTo("observation_date," + code);
        }
        assertThat(store.read("EFFR").lastObservation()).as("EFFR of a day comes out the next morning")
                .isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(store.read("WRESBAL").lastObservation()).as("the H.4.1 of Wednesday 10-01 comes out Thursday")
                .isEqualTo(LocalDate.of(2025, 9, 24));
        assertThat(store.read("RRPONTSYD").lastObservation()).as("ON RRP is known the same day").isEqualTo(OCTOBER);
        FetchState state = JsonFiles.read(dir.resolve(FetchState.FILE), FetchState.class).orElseThrow();
        assertThat(state.lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(state.of("EFFR").lastObservation()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(state.of("EFFR").fetchedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theFredImportReadsTheDataFolderAsItReadsFredDownloads() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        fetcher().run(SERIES, FetchState.empty());
        RunoffCalendar calendar = RunoffCalendar.shipped(JsonMapper.builder().findAndAddModules().build());
        List<FredImport.Observations> downloads = new ArrayList<>();
        for (String code : SERIES) {
            downloads.add(FredImport.parse(code, Files.readString(FRED.resolve(code + ".csv"))));
        }
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2025, 9, 24);
        FredImport.Weekly fromFolder = FredImport.weekly(new SeriesStore(dir).observations(), calendar, from, to, 10_000, 91);
        FredImport.Weekly fromDownloads = FredImport.weekly(downloads, calendar, from, to, 10_000, 91);
        assertThat(fromFolder.points()).hasSizeGreaterThan(80).isEqualTo(fromDownloads.points());
    }

    @Test
    void anIncrementalFetchAsksFromTheLookBackAndTakesNewAndRevisedValues() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun first = fetcher().run(SERIES, FetchState.empty());
        server.forgetRequests();
        server.today(OCTOBER.plusDays(7));
        server.put("WALCL", LocalDate.of(2025, 9, 17), "6600000");   // a revision inside the look-back
        FetchRun second = fetcher().run(SERIES, first.state());

        assertThat(second.requests()).isEqualTo(SERIES.size());
        assertThat(server.requests()).allSatisfy(request -> {
            LocalDate last = first.state().of(request.series()).lastObservation();
            assertThat(request.query()).containsEntry("observation_start", last.minusDays(60).toString());
        });
        assertThat(second.outcomes().get("WALCL").added()).isEqualTo(1);
        assertThat(second.outcomes().get("WALCL").revised()).isEqualTo(1);
        assertThat(new SeriesStore(dir).read("WALCL").values().get(LocalDate.of(2025, 9, 17))).isEqualTo("6600000");
        assertThat(second.outcomes().get("EFFR").added()).as("Oct 1 to Oct 7, business days").isEqualTo(5);
        assertThat(second.outcomes().get("CPIAUCSL").changed()).as("no CPI in the week").isFalse();
    }

    @Test
    void aFetchWithNothingNewWritesNothing() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun first = fetcher().run(SERIES, FetchState.empty());
        FileTime old = FileTime.fromMillis(0);
        for (String code : SERIES) {
            Files.setLastModifiedTime(dir.resolve(code + ".csv"), old);
        }
        FetchRun again = fetcher().run(SERIES, first.state());
        assertThat(again.allOk()).isTrue();
        assertThat(again.changed()).isFalse();
        for (String code : SERIES) {
            assertThat(Files.getLastModifiedTime(dir.resolve(code + ".csv"))).as(code).isEqualTo(old);
        }
    }

    @Test
    void followsCountAndOffsetOverPages() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun run = fetcher(KEY, 1000, Duration.ofSeconds(5), time).run(List.of("EFFR", "WALCL"), FetchState.empty());
        long effrRows = new SeriesStore(dir).read("EFFR").values().size();
        assertThat(effrRows).isGreaterThan(6000);
        assertThat(server.requests().stream().filter(r -> r.series().equals("EFFR")).map(r -> r.query().get("offset")))
                .hasSize((int) ((effrRows + 999) / 1000)).startsWith("0", "1000", "2000");
        assertThat(run.outcomes().get("EFFR").added()).as("every row, holidays' \".\" included").isEqualTo((int) effrRows);
    }

    @Test
    void eachFaultStaysWithItsSeriesWhileTheOthersAreFetched() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        server.fault("WALCL", Fault.tooMany("3", 1));
        server.fault("TREAST", Fault.tooMany(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC)), 1));
        server.fault("WSHOMCB", Fault.serverError(2));
        server.fault("WTREGEN", Fault.serverError(-1));
        server.fault("SOFR", Fault.slow(Duration.ofMillis(1500), -1));
        server.fault("IORB", Fault.malformed(-1));
        server.fault("DFEDTARL", Fault.dots(-1));
        server.fault("RPONTTLD", Fault.unknown());
        FetchRun run = fetcher(KEY, 100_000, Duration.ofMillis(300), time).run(SERIES, FetchState.empty());

        Map<String, FetchRun.SeriesOutcome> outcomes = run.outcomes();
        assertThat(outcomes.get("WALCL").ok()).as("a 429 waited out").isTrue();
        assertThat(outcomes.get("WALCL").attempts()).isEqualTo(2);
        assertThat(sleeper.waits).as("Retry-After honoured, in seconds and as an HTTP date")
                .contains(Duration.ofSeconds(3), Duration.ofSeconds(7));
        assertThat(outcomes.get("TREAST").ok()).isTrue();
        assertThat(outcomes.get("WSHOMCB").ok()).as("500 twice, then an answer").isTrue();
        assertThat(outcomes.get("WSHOMCB").attempts()).isEqualTo(3);
        assertThat(outcomes.get("WTREGEN")).satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.attempts()).isEqualTo(3);
            assertThat(o.failure()).isEqualTo(FredException.Kind.SERVER);
            assertThat(o.error()).startsWith("WTREGEN: FRED answered 500");
        });
        assertThat(outcomes.get("SOFR").failure()).isEqualTo(FredException.Kind.TIMEOUT);
        assertThat(outcomes.get("SOFR").error()).isEqualTo("SOFR: no answer within 300 ms");
        assertThat(outcomes.get("IORB").failure()).isEqualTo(FredException.Kind.MALFORMED);
        assertThat(outcomes.get("RPONTTLD")).satisfies(o -> {
            assertThat(o.failure()).isEqualTo(FredException.Kind.REJECTED);
            assertThat(o.attempts()).as("a refusal is not retried").isEqualTo(1);
            assertThat(o.error()).isEqualTo("RPONTTLD: FRED answered 400: Bad Request.  The series does not exist.");
        });
        assertThat(outcomes.get("DFEDTARL").ok()).as("\".\" is no observation, not a fault").isTrue();
        assertThat(new SeriesStore(dir).read("DFEDTARL").lastObservation()).isNull();
        assertThat(new SeriesStore(dir).read("DFEDTARL").values()).isNotEmpty().containsValue(null).doesNotContainValue("4.00");
        List<String> others = new ArrayList<>(SERIES);
        others.removeAll(List.of("WTREGEN", "SOFR", "IORB", "RPONTTLD"));
        assertThat(others).allSatisfy(code -> assertThat(outcomes.get(code).ok()).as(code).isTrue());
        assertThat(FredFetcher.failed(outcomes.values())).containsExactlyInAnyOrder("WTREGEN", "SOFR", "IORB", "RPONTTLD");
        FetchState state = run.state();
        assertThat(state.lastSuccessAt()).as("not every series succeeded").isNull();
        assertThat(state.of("WTREGEN").failedFetches()).isEqualTo(1);
        assertThat(state.of("WTREGEN").error()).startsWith("WTREGEN: FRED answered 500");
        assertThat(state.of("EFFR").error()).isNull();
    }

    @Test
    void dotsNeverEraseKeptNumbers() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun first = fetcher().run(List.of("EFFR"), FetchState.empty());
        server.fault("EFFR", Fault.dots(1));
        server.today(OCTOBER.plusDays(7));
        FetchRun second = fetcher().run(List.of("EFFR"), first.state());
        KeptSeries effr = new SeriesStore(dir).read("EFFR");
        assertThat(effr.lastObservation()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(second.outcomes().get("EFFR").revised()).isZero();
        assertThat(effr.values()).containsKey(LocalDate.of(2025, 10, 6)).containsEntry(LocalDate.of(2025, 10, 6), null);
    }

    @Test
    void oneRefusedKeyStopsTheRunWithoutAskingForEverySeries() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        FetchRun run = fetcher("ffffffffffffffffffffffffffffffff", 100_000, Duration.ofSeconds(5), time)
                .run(SERIES, FetchState.empty());
        assertThat(run.outcomes().values()).allSatisfy(o -> assertThat(o.failure()).isEqualTo(FredException.Kind.KEY_REJECTED));
        assertThat(run.requests()).as("the series already asked when the refusal came, at most one a thread")
                .isLessThanOrEqualTo(4);
        assertThat(run.outcomes().values()).anySatisfy(o -> assertThat(o.error()).contains(
                "Bad Request.  The value for variable api_key is not registered."));
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".csv"))).isEmpty();
    }

    @Test
    void theRealLimiterKeepsToTwoRequestsASecond() throws Exception {
        server = WatchFixtures.server(OCTOBER);
        server.enforceLimits(2, 120);
        List<String> seven = SERIES.subList(0, 7);
        long start = System.nanoTime();
        FetchRun run = fetcher(KEY, 100_000, Duration.ofSeconds(5), RateLimiter.Clock.SYSTEM).run(seven, FetchState.empty());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.allOk()).isTrue();
        assertThat(server.throttled()).as("FRED never had to say 429").isZero();
        List<Long> times = server.requests().stream().map(FredTestServer.Request::nanos).sorted().toList();
        assertThat(times).hasSize(7);
        for (int i = 2; i < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i) - times.get(i - 2))).as("requests %d and %d", i - 2, i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(990));
        }
        assertThat(took).as("7 requests at 2 a second: 3 s of waiting").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : b != null && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }

    static String csv(Path file) throws IOException {
        return Files.readString(file);
    }
}
