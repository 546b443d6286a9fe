package dev.reservewatch.watch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.reservewatch.config.Secret;
import dev.reservewatch.config.WatchConfig;
import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.service.FredImport;
import dev.reservewatch.service.FredSeries;
import dev.reservewatch.watch.alert.AlertDelivery;
import dev.reservewatch.watch.alert.AlertEvent;
import dev.reservewatch.watch.alert.AlertLedger;
import dev.reservewatch.watch.alert.AlertText;
import dev.reservewatch.watch.alert.DataEvents;
import dev.reservewatch.watch.alert.VerdictEvents;
import dev.reservewatch.watch.alert.Webhook;
import dev.reservewatch.watch.fetch.Backoff;
import dev.reservewatch.watch.fetch.FetchRun;
import dev.reservewatch.watch.fetch.FredClient;
import dev.reservewatch.watch.fetch.FredException;
import dev.reservewatch.watch.fetch.FredFetcher;
import dev.reservewatch.watch.fetch.FredRequests;
import dev.reservewatch.watch.fetch.RateLimiter;
import dev.reservewatch.watch.store.AtomicFiles;
import dev.reservewatch.watch.store.FetchState;
import dev.reservewatch.watch.store.JsonFiles;
import dev.reservewatch.watch.store.SeriesStore;

/**
 * The watch without its framework: fetch runs one at a time on their own thread, the fetch state, freshness, the
 * data events after each fetch, the verdict events handed in by the judging ({@link #judged}), and their delivery.
 * Without a key it holds nothing and makes no request. With one, it first takes the data folder's lock; a watcher
 * that cannot (another holds it) fetches and sends nothing and only reports what the holder wrote, trying again at
 * each run. {@link WatchService} schedules it.
 */
public final class Watcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Watcher.class);

    /** The series the watch fetches: every series the FRED import reads, as {@link FredSeries} lists them. */
    public static List<String> watchedSeries() {
        return FredSeries.codes();
    }

    /** What the watch is told by its configuration ({@link #of(WatchConfig)}) or a test. */
    public record Settings(Optional<Secret> key, URI baseUrl, Path dataDir, List<String> webhookUrls, ZoneId zone,
            List<String> series, int lookBackDays, Duration connectTimeout, Duration timeout, int attempts,
            int perSecond, int perMinute, int weeksToCross, String language, int failedFetches, Duration giveUpAfter,
            Duration retryAfterFailure) {

        public static Settings of(WatchConfig config) {
            WatchConfig.Fred fred = config.fred();
            return new Settings(fred.apiKey().filter(key -> !key.isEmpty()), fred.baseUrl(), config.dataDir(),
                    config.webhookUrls().orElse(List.of()), ZoneId.of(config.timeZone()), watchedSeries(),
                    fred.lookBackDays(), fred.connectTimeout(), fred.timeout(), fred.attempts(), fred.requestsPerSecond(),
                    fred.requestsPerMinute(), config.alerts().weeksToCross(), config.alerts().language(),
                    config.alerts().failedFetches(), config.alerts().giveUpAfter(), config.retryAfterFailure());
        }

        public boolean enabled() {
            return key.isPresent();
        }
    }

    /** How the watcher tells time and waits: the real ones in the service, fakes in tests. */
    public record Timing(Clock clock, RateLimiter.Clock limiter, FredFetcher.Sleeper sleeper, Backoff fetchBackoff,
            Backoff alertBackoff, int threads) {

        public static Timing real() {
            java.util.Random random = new java.util.Random();
            return new Timing(Clock.systemUTC(), RateLimiter.Clock.SYSTEM, FredFetcher.Sleeper.REAL,
                    new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), random::nextDouble),
                    new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), random::nextDouble), 4);
        }
    }

    private final Settings settings;
    private final Timing timing;
    private final WatchMetrics metrics;
    private final SeriesStore store;
    private final AlertText text;
    private final List<Consumer<FetchRun>> afterFetch = new CopyOnWriteArrayList<>();
    private final ExecutorService runner;
    private final HttpClient http;
    private final FredClient client;
    private final String keyProblem;

    private DataDirLock lock;
    private boolean standbyLogged;
    private AlertDelivery delivery;
    private volatile FetchState state = FetchState.empty();
    private volatile Verdict latest;
    private volatile Instant retryAt;
    private volatile List<String> failedCodes = List.of();
    private CompletableFuture<FetchRun> current;

    public Watcher(Settings settings, Timing timing, WatchMetrics metrics) {
        this.settings = settings;
        this.timing = timing;
        this.metrics = metrics;
        this.store = new SeriesStore(settings.dataDir());
        this.text = AlertText.forLanguage(settings.language());
        if (!settings.enabled()) {
            runner = null;
            http = null;
            client = null;
            keyProblem = null;
            metrics.enabled(false, false);
            return;
        }
        runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "watch-fetch");
            thread.setDaemon(true);
            return thread;
        });
        http = FredClient.http(settings.connectTimeout());
        Secret key = settings.key().orElseThrow();
        keyProblem = FredRequests.KEY_FORMAT.matcher(key.reveal()).matches() ? null
                : "WATCH_FRED_API_KEY is not a FRED key (32 lowercase letters and digits): nothing was asked";
        client = keyProblem != null ? null : new FredClient(settings.baseUrl(), key, http, settings.timeout(),
                new RateLimiter(settings.perSecond(), settings.perMinute(), timing.limiter()), timing.clock());
        if (client != null) {
            metrics.requests(client, FredClient::requests);
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Takes the data folder's lock if it can, reads the kept state and starts delivery. Does not fetch. */
    public synchronized void start() {
        if (enabled()) {
            holdsLock();
            if (keyProblem != null) {
                LOG.error(keyProblem);
            }
        }
    }

    /**
     * Starts a fetch of every watched series, or joins the one running; the future completes with the run, or with
     * null when this watcher is off or another holds the data folder.
     */
    public synchronized CompletableFuture<FetchRun> fetch() {
        return fetch(settings.series());
    }

    /** Fetches again the series that failed, once {@code watch.retry-after-failure} has passed since. */
    public synchronized Optional<CompletableFuture<FetchRun>> retryIfDue() {
        Instant due = retryAt;
        if (due == null || timing.clock().instant().isBefore(due) || failedCodes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fetch(failedCodes));
    }

    private synchronized CompletableFuture<FetchRun> fetch(List<String> codes) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        if (current != null && !current.isDone()) {
            return current;
        }
        current = CompletableFuture.supplyAsync(() -> run(codes), runner).whenComplete((run, failure) -> {
            if (failure != null) {
                LOG.error("The fetch failed", failure);
            }
        });
        return current;
    }

    /** Fetches now and waits for the run (or the one already running). */
    public FetchRun fetchAndWait() throws InterruptedException {
        try {
            return fetch().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the fetch failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private FetchRun run(List<String> codes) {
        if (!holdsLock()) {
            return null;
        }
        FetchRun run;
        try {
            run = keyProblem == null ? fetcher().run(codes, state) : refused(codes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        state = run.state();
        List<String> failed = FredFetcher.failed(run.outcomes().values());
        failedCodes = failed;
        retryAt = failed.isEmpty() ? null : run.finishedAt().plus(settings.retryAfterFailure());
        List<SeriesFreshness> freshness = freshness();
        metrics.fetched(run, freshness);
        DataEvents.Derived data = DataEvents.derive(delivery.data(), freshness, settings.failedFetches(), today(), text);
        raised(delivery.take(data.events(), null, data.view()));
        for (Consumer<FetchRun> listener : afterFetch) {
            try {
                listener.accept(run);
            } catch (RuntimeException e) {
                LOG.error("A step after the fetch failed", e);
            }
        }
        return run;
    }

    private FredFetcher fetcher() {
        return new FredFetcher(client, store, timing.fetchBackoff(), timing.sleeper(), timing.clock(),
                new FredFetcher.Settings(settings.lookBackDays(), settings.attempts(), 100_000, timing.threads()));
    }

    /** A run without requests, for a key that cannot be FRED's: every series fails with why. */
    private FetchRun refused(List<String> codes) {
        Instant now = timing.clock().instant();
        Map<String, FetchRun.SeriesOutcome> outcomes = new TreeMap<>();
        Map<String, FetchState.SeriesState> states = new TreeMap<>(state.series());
        for (String code : codes) {
            outcomes.put(code, new FetchRun.SeriesOutcome(code, false, 0, 0, 0, state.of(code).lastObservation(),
                    keyProblem, FredException.Kind.KEY_REJECTED, 0));
            states.put(code, state.of(code).failed(keyProblem, now));
        }
        FetchState after = new FetchState(now, state.lastSuccessAt(), states);
        JsonFiles.write(store.dir().resolve(FetchState.FILE), after);
        return new FetchRun(now, now, 0, outcomes, after);
    }

    /** Holds the lock, taking it (and the kept state, and delivery) the first time it is free. */
    private synchronized boolean holdsLock() {
        if (lock != null) {
            return true;
        }
        try {
            lock = DataDirLock.tryAcquire(settings.dataDir()).orElse(null);
        } catch (IOException e) {
            LOG.errorf("The data folder %s cannot be written (%s): nothing is fetched until it can", settings.dataDir(),
                    e.getMessage());
            metrics.enabled(true, false);
            return false;
        }
        if (lock == null) {
            if (!standbyLogged) {
                LOG.warnf("Another watcher holds %s: this one fetches and sends nothing while it does",
                        settings.dataDir().resolve(DataDirLock.FILE));
                standbyLogged = true;
            }
            metrics.enabled(true, false);
            return false;
        }
        AtomicFiles.removeLeftovers(settings.dataDir());
        state = JsonFiles.read(settings.dataDir().resolve(FetchState.FILE), FetchState.class).orElse(FetchState.empty());
        List<Webhook> webhooks = Webhook.parse(settings.webhookUrls());
        delivery = new AlertDelivery(settings.dataDir(), webhooks, HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
                timing.clock(), timing.alertBackoff(), settings.giveUpAfter(), metrics);
        delivery.start();
        metrics.webhooks(webhooks);
        metrics.enabled(true, true);
        metrics.series(freshness());
        LOG.infof("Watching %d series into %s, alerts to %d webhook(s)", settings.series().size(), settings.dataDir(),
                webhooks.size());
        return true;
    }

    /**
     * Hands over the judged weekly verdicts (in date order, the whole history the kept data allows): the latest
     * becomes {@code latest} in {@code GET /watch} and in the metrics, and the alerts they raise
     * ({@link VerdictEvents}) are sent, each once. Returns the alerts newly sent.
     */
    public List<AlertEvent> judged(List<Verdict> weeks) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        Verdict last = weeks.get(weeks.size() - 1);
        latest = last;
        metrics.latest(last);
        AlertDelivery sending;
        synchronized (this) {
            sending = delivery;
        }
        if (sending == null) {
            return List.of();
        }
        Language language = Language.named(settings.language());
        List<Verdict> told = language == Language.EN ? weeks : weeks.stream().map(week -> week.in(language)).toList();
        List<AlertEvent> events = VerdictEvents.derive(told, sending.lastWeek(), settings.weeksToCross(), text);
        return raised(sending.take(events, last.asOf(), null));
    }

    private List<AlertEvent> raised(List<AlertEvent> taken) {
        taken.forEach(event -> metrics.raised(event.event().name()));
        if (delivery != null) {
            metrics.pending(delivery.pending());
        }
        return taken;
    }

    /** Runs {@code step} after each fetch, on the fetch's thread (the judging of the new data). */
    public void afterFetch(Consumer<FetchRun> step) {
        afterFetch.add(step);
    }

    /** Each watched series' freshness today. */
    public List<SeriesFreshness> freshness() {
        return SeriesFreshness.of(currentState(), settings.series(), today());
    }

    /** The kept series, read as the FRED import reads uploads: the input of {@link FredImport#weekly}. */
    public List<FredImport.Observations> observations() {
        return store.observations();
    }

    public SeriesStore store() {
        return store;
    }

    /** The day in the watch's time zone, by which staleness is judged. */
    public LocalDate today() {
        return LocalDate.now(timing.clock().withZone(settings.zone()));
    }

    /** When failed series are tried again, or null. */
    public Instant retryAt() {
        return retryAt;
    }

    /** {@code GET /watch}, with {@code nextAttemptAt} from the schedule. */
    public WatchStatus status(Instant nextScheduled) {
        if (!enabled()) {
            return WatchStatus.off();
        }
        FetchState kept = currentState();
        List<SeriesFreshness> series = SeriesFreshness.of(kept, settings.series(), today());
        boolean failing = keyProblem != null && kept.lastAttemptAt() != null
                || series.stream().anyMatch(s -> s.failing(settings.failedFetches()));
        WatchStatus.Status status = failing ? WatchStatus.Status.FAILING
                : series.stream().anyMatch(SeriesFreshness::stale) ? WatchStatus.Status.STALE : WatchStatus.Status.OK;
        Instant retry = retryAt;
        Instant next = retry != null && (nextScheduled == null || retry.isBefore(nextScheduled)) ? retry : nextScheduled;
        List<String> staleUnderLatest = latest == null ? List.of()
                : series.stream().filter(SeriesFreshness::stale).map(SeriesFreshness::code).toList();
        return new WatchStatus(true, status, kept.lastAttemptAt(), kept.lastSuccessAt(), next, series, latest,
                staleUnderLatest, alerts());
    }

    private List<AlertEvent> alerts() {
        AlertDelivery sending;
        synchronized (this) {
            sending = delivery;
        }
        if (sending != null) {
            return sending.recent();
        }
        List<AlertEvent> recent = new ArrayList<>(JsonFiles.read(settings.dataDir().resolve(AlertLedger.FILE),
                AlertLedger.class).map(AlertLedger::recent).orElse(List.of()));
        java.util.Collections.reverse(recent);
        return recent;
    }

    /** The state this watcher wrote, or, while another holds the folder, what that one wrote. */
    private FetchState currentState() {
        synchronized (this) {
            if (lock != null) {
                return state;
            }
        }
        return JsonFiles.read(settings.dataDir().resolve(FetchState.FILE), FetchState.class).orElse(FetchState.empty());
    }

    public Collection<String> series() {
        return settings.series();
    }

    @Override
    public synchronized void close() {
        if (runner != null) {
            runner.shutdownNow();
        }
        if (delivery != null) {
            delivery.close();
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warnf("The data folder's lock could not be released: %s", e.getMessage());
            }
            lock = null;
        }
    }
}
