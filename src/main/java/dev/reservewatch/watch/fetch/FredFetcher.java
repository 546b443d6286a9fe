package dev.reservewatch.watch.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import dev.reservewatch.watch.fetch.FetchRun.SeriesOutcome;
import dev.reservewatch.watch.store.FetchState;
import dev.reservewatch.watch.store.JsonFiles;
import dev.reservewatch.watch.store.KeptSeries;
import dev.reservewatch.watch.store.SeriesStore;

/**
 * A fetch run: for each series, what FRED has from {@code look-back} days before the last kept observation (or the
 * whole series into an empty folder), merged into the kept file, within the limiter's pace. Series are fetched by a
 * few threads at once, so that one slow or failing series holds up none of the others; each is tried up to
 * {@code attempts} times with backoff, and a 429's Retry-After is honoured by every thread. Once FRED refuses the
 * key, the series not yet asked are not asked. The fetch state is written beside the data at the end.
 */
public final class FredFetcher {

    private static final Logger LOG = Logger.getLogger(FredFetcher.class);

    /** A wait FRED asks for that is longer than this ends the series' turn: it is tried at the next fetch. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    /** Pages per series at most; a first fetch of the longest daily series is one page of 100,000. */
    static final int MAX_PAGES = 50;

    /** How a run fetches. */
    public record Settings(int lookBackDays, int attempts, int pageSize, int threads) {

        public static Settings defaults(int lookBackDays, int attempts) {
            return new Settings(lookBackDays, attempts, 100_000, 4);
        }
    }

    /** How a run waits between tries; tests wait in virtual time. */
    public interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;

        Sleeper REAL = wait -> Thread.sleep(wait.toMillis());
    }

    private final FredClient client;
    private final SeriesStore store;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Settings settings;

    public FredFetcher(FredClient client, SeriesStore store, Backoff backoff, Sleeper sleeper, Clock clock,
            Settings settings) {
        this.client = client;
        this.store = store;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.settings = settings;
    }

    /** Fetches {@code codes}, starting from the state {@code before}; writes and returns the state after. */
    public FetchRun run(Collection<String> codes, FetchState before) throws InterruptedException {
        Instant started = clock.instant();
        long requestsBefore = client.requests();
        AtomicReference<String> keyRefused = new AtomicReference<>();
        Map<String, Future<SeriesOutcome>> running = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), codes.size())),
                task -> {
                    Thread thread = new Thread(task, "watch-fetch-series");
                    thread.setDaemon(true);
                    return thread;
                });
        Map<String, SeriesOutcome> outcomes = new TreeMap<>();
        try {
            for (String code : codes) {
                running.put(code, pool.submit(() -> fetch(code, keyRefused)));
            }
            for (Map.Entry<String, Future<SeriesOutcome>> series : running.entrySet()) {
                try {
                    outcomes.put(series.getKey(), series.getValue().get());
                } catch (ExecutionException e) {
                    // a fault of our own (the disk): reported like a failed fetch, the others go on
                    outcomes.put(series.getKey(), new SeriesOutcome(series.getKey(), false, 0, 0, 0, null,
                            series.getKey() + ": " + e.getCause().getMessage(), null, 0));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Instant finished = clock.instant();
        Map<String, FetchState.SeriesState> states = new TreeMap<>(before.series());
        for (SeriesOutcome outcome : outcomes.values()) {
            FetchState.SeriesState state = before.of(outcome.code());
            states.put(outcome.code(), outcome.ok() ? state.succeeded(outcome.lastObservation(), finished)
                    : state.failed(outcome.error(), finished));
        }
        boolean allOk = outcomes.values().stream().allMatch(SeriesOutcome::ok);
        FetchState after = new FetchState(started, allOk ? finished : before.lastSuccessAt(), states);
        JsonFiles.write(store.dir().resolve(FetchState.FILE), after);
        FetchRun run = new FetchRun(started, finished, client.requests() - requestsBefore, outcomes, after);
        for (SeriesOutcome outcome : outcomes.values()) {
            if (!outcome.ok()) {
                LOG.warnf("Fetch of %s failed after %d attempt(s): %s", outcome.code(), outcome.attempts(), outcome.error());
            }
        }
        LOG.infof("Fetched %d series in %d ms with %d requests: %d changed, %d failed", outcomes.size(),
                run.took().toMillis(), run.requests(), outcomes.values().stream().filter(SeriesOutcome::changed).count(),
                outcomes.values().stream().filter(o -> !o.ok()).count());
        return run;
    }

    private SeriesOutcome fetch(String code, AtomicReference<String> keyRefused) throws InterruptedException {
        String refused = keyRefused.get();
        if (refused != null) {
            return new SeriesOutcome(code, false, 0, 0, 0, null, code + ": not asked, FRED refused the key: " + refused,
                    FredException.Kind.KEY_REJECTED, 0);
        }
        KeptSeries kept = store.read(code);
        LocalDate last = kept.lastObservation();
        LocalDate from = last == null ? null : last.minusDays(settings.lookBackDays());
        TreeMap<LocalDate, String> fetched = new TreeMap<>();
        int attempts = 0;
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            FredClient.Page answer = null;
            while (answer == null) {
                attempts++;
                try {
                    answer = client.observations(code, from, offset, settings.pageSize());
                } catch (FredException e) {
                    if (e.kind() == FredException.Kind.KEY_REJECTED) {
                        keyRefused.compareAndSet(null, e.getMessage());
                    }
                    Duration wait = backoff.after(attempts, e.retryAfter());
                    if (!e.retryable() || attempts >= settings.attempts() || wait.compareTo(LONGEST_WAIT) > 0) {
                        return new SeriesOutcome(code, false, 0, 0, 0, last, e.getMessage(), e.kind(), attempts);
                    }
                    LOG.debugf("%s; trying again in %d ms", e.getMessage(), wait.toMillis());
                    sleeper.sleep(wait);
                }
            }
            for (FredClient.Observation observation : answer.observations()) {
                fetched.put(observation.date(), observation.value());
            }
            offset += answer.observations().size();
            if (answer.observations().isEmpty() || offset >= answer.count()) {
                break;
            }
        }
        if (from != null && fetched.isEmpty() && last != null) {
            // FRED has nothing from the look-back on, though we kept values there: withdrawn, or a wrong answer.
            // Keep what we have rather than erase the window; a real withdrawal of everything is rare enough to
            // wait for a human.
            return new SeriesOutcome(code, true, 0, 0, 0, last, null, null, attempts);
        }
        SeriesStore.Merge merge = store.merge(code, from, fetched);
        return new SeriesOutcome(code, true, merge.added(), merge.revised(), merge.removed(),
                merge.series().lastObservation(), null, null, attempts);
    }

    /** The codes of {@code outcomes} that failed. */
    public static List<String> failed(Collection<SeriesOutcome> outcomes) {
        List<String> failed = new ArrayList<>();
        for (SeriesOutcome outcome : outcomes) {
            if (!outcome.ok()) {
                failed.add(outcome.code());
            }
        }
        return failed;
    }
}
