package dev.reservewatch.watch;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

import dev.reservewatch.config.WatchConfig;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.service.FredImport;
import dev.reservewatch.watch.alert.AlertEvent;
import dev.reservewatch.watch.fetch.FetchRun;

/**
 * The watch in the service: a {@link Watcher} built from {@link WatchConfig}, fetching at start-up (on its own
 * thread, so readiness does not wait for FRED), on {@code watch.schedule}, and again for failed series after
 * {@code watch.retry-after-failure}. Off without a key: no job is scheduled, no thread started, nothing asked.
 */
@ApplicationScoped
public class WatchService {

    private static final Logger LOG = Logger.getLogger(WatchService.class);
    static final String JOB = "watch-fetch";
    static final String RETRY_JOB = "watch-retry";

    private final Watcher watcher;
    private final Scheduler scheduler;
    private final WatchConfig config;

    public WatchService(WatchConfig config, MeterRegistry registry, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        this.watcher = new Watcher(Watcher.Settings.of(config), Watcher.Timing.real(), new WatchMetrics(registry));
    }

    void onStart(@Observes StartupEvent event) {
        if (!watcher.enabled()) {
            LOG.info("The watch is off: no FRED key (WATCH_FRED_API_KEY); nothing is fetched");
            return;
        }
        watcher.start();
        scheduler.newJob(JOB).setCron(config.schedule()).setTimeZone(config.timeZone())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> watcher.fetch())
                .schedule();
        scheduler.newJob(RETRY_JOB).setInterval("60s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> watcher.retryIfDue()).schedule();
        watcher.fetch();
    }

    void onStop(@Observes ShutdownEvent event) {
        watcher.close();
    }

    public boolean enabled() {
        return watcher.enabled();
    }

    /** {@code GET /watch}. */
    public WatchStatus status() {
        return watcher.status(nextScheduled());
    }

    /** {@code POST /watch/refresh}: fetches now (or joins the fetch running), runs the steps after it, answers as {@link #status()}. */
    public WatchStatus refresh() throws InterruptedException {
        watcher.fetchAndWait();
        return status();
    }

    /** Runs {@code step} after each fetch, on the fetch's thread: where the new data is judged. */
    public void afterFetch(Consumer<FetchRun> step) {
        watcher.afterFetch(step);
    }

    /** Hands over the judged weeks; see {@link Watcher#judged}. */
    public List<AlertEvent> judged(List<Verdict> weeks) {
        return watcher.judged(weeks);
    }

    /** Each watched series' freshness today. */
    public List<SeriesFreshness> freshness() {
        return watcher.freshness();
    }

    /** The kept series, as {@link FredImport#weekly} takes them. */
    public List<FredImport.Observations> observations() {
        return watcher.observations();
    }

    public Watcher watcher() {
        return watcher;
    }

    private Instant nextScheduled() {
        Trigger trigger = scheduler.getScheduledJob(JOB);
        return trigger == null ? null : trigger.getNextFireTime();
    }
}
