package dev.reservewatch.watch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.watch.alert.AlertDelivery;
import dev.reservewatch.watch.alert.Webhook;
import dev.reservewatch.watch.fetch.FetchRun;

/**
 * The watch at {@code /q/metrics}, for SREs' own alerting (k8s/components/watch/prometheusrule.yaml):
 * <ul>
 * <li>fetching: {@code reservewatch_watch_fetch_last_success_timestamp_seconds} and {@code ..._last_attempt_...},
 * {@code reservewatch_watch_fetch_failures_total{series}}, {@code reservewatch_watch_fred_requests_total}, and per
 * series {@code reservewatch_watch_series_stale}, {@code reservewatch_watch_series_failed_fetches} (in a row) and
 * {@code reservewatch_watch_series_last_observation_timestamp_seconds};</li>
 * <li>alerts: {@code reservewatch_watch_alerts_total{event}} (events raised), and per webhook (labelled by number
 * and host, never its URL) {@code reservewatch_watch_alerts_sent_total}, {@code ..._failed_total} (failed tries),
 * {@code ..._dropped_total{reason}} (given up) and {@code reservewatch_watch_alerts_pending};</li>
 * <li>the latest week: {@code reservewatch_watch_regime{regime}} (1 for its regime, 0 for the others),
 * {@code reservewatch_watch_latest_week_timestamp_seconds}, {@code reservewatch_watch_signal_firing{signal,severity}},
 * and per watchlist entry {@code reservewatch_watch_trigger_distance}, {@code ..._firing} and
 * {@code ..._weeks_to_cross} (where projected), labelled {@code signal, metric, fires, rule}.</li>
 * </ul>
 * The key appears in none of them.
 */
public final class WatchMetrics implements AlertDelivery.Listener {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong lastSuccess = new AtomicLong(0);
    private final AtomicLong lastAttempt = new AtomicLong(0);
    private final AtomicLong latestWeek = new AtomicLong(0);
    private final AtomicLong enabled = new AtomicLong(0);
    private final AtomicLong lockHeld = new AtomicLong(0);
    private final MultiGauge stale;
    private final MultiGauge failedFetches;
    private final MultiGauge lastObservation;
    private final MultiGauge regime;
    private final MultiGauge signals;
    private final MultiGauge distance;
    private final MultiGauge firing;
    private final MultiGauge weeksToCross;
    private final MultiGauge pending;

    public WatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("reservewatch_watch_fetch_last_success_timestamp_seconds", lastSuccess, AtomicLong::get);
        registry.gauge("reservewatch_watch_fetch_last_attempt_timestamp_seconds", lastAttempt, AtomicLong::get);
        registry.gauge("reservewatch_watch_latest_week_timestamp_seconds", latestWeek, AtomicLong::get);
        registry.gauge("reservewatch_watch_enabled", enabled, AtomicLong::get);
        registry.gauge("reservewatch_watch_lock_held", lockHeld, AtomicLong::get);
        stale = MultiGauge.builder("reservewatch_watch_series_stale")
                .description("1 while the series' last observation is older than its schedule allows").register(registry);
        failedFetches = MultiGauge.builder("reservewatch_watch_series_failed_fetches")
                .description("Fetches of the series that failed in a row (0 after a success)").register(registry);
        lastObservation = MultiGauge.builder("reservewatch_watch_series_last_observation_timestamp_seconds")
                .description("The date of the series' last observation, as Unix time").register(registry);
        regime = MultiGauge.builder("reservewatch_watch_regime")
                .description("1 for the regime of the latest week judged, 0 for the others").register(registry);
        signals = MultiGauge.builder("reservewatch_watch_signal_firing")
                .description("1 for each signal firing in the latest week judged, by severity").register(registry);
        distance = MultiGauge.builder("reservewatch_watch_trigger_distance")
                .description("Each trigger's distance to its line in the latest week, in the metric's unit; negative once past")
                .register(registry);
        firing = MultiGauge.builder("reservewatch_watch_trigger_firing")
                .description("1 while the trigger is past its line in the latest week").register(registry);
        weeksToCross = MultiGauge.builder("reservewatch_watch_trigger_weeks_to_cross")
                .description("Weeks until the trigger crosses its line at its pace, where projected").register(registry);
        pending = MultiGauge.builder("reservewatch_watch_alerts_pending")
                .description("Alerts waiting to be delivered to each webhook").register(registry);
    }

    /** The FRED requests a client has made, read when scraped. */
    public <T> void requests(T client, ToDoubleFunction<T> count) {
        registry.more().counter("reservewatch_watch_fred_requests_total", Tags.empty(), client, count);
    }

    /** Whether the watch is on (a key is set), and whether this process holds the data folder's lock. */
    public void enabled(boolean on, boolean lockHeld) {
        enabled.set(on ? 1 : 0);
        this.lockHeld.set(lockHeld ? 1 : 0);
    }

    public void fetched(FetchRun run, List<SeriesFreshness> freshness) {
        lastAttempt.set(run.startedAt().getEpochSecond());
        if (run.state().lastSuccessAt() != null) {
            lastSuccess.set(run.state().lastSuccessAt().getEpochSecond());
        }
        run.outcomes().values().stream().filter(outcome -> !outcome.ok())
                .forEach(outcome -> counter("reservewatch_watch_fetch_failures_total", Tags.of("series", outcome.code()))
                        .increment());
        series(freshness);
    }

    public void series(List<SeriesFreshness> freshness) {
        List<MultiGauge.Row<?>> staleRows = new ArrayList<>();
        List<MultiGauge.Row<?>> failedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lastRows = new ArrayList<>();
        for (SeriesFreshness series : freshness) {
            Tags tags = Tags.of("series", series.code());
            counter("reservewatch_watch_fetch_failures_total", tags);
            staleRows.add(MultiGauge.Row.of(tags, series.stale() ? 1 : 0));
            failedRows.add(MultiGauge.Row.of(tags, series.failedFetches()));
            if (series.lastObservation() != null) {
                lastRows.add(MultiGauge.Row.of(tags, epoch(series.lastObservation())));
            }
        }
        stale.register(staleRows, true);
        failedFetches.register(failedRows, true);
        lastObservation.register(lastRows, true);
    }

    /** The latest week judged: its regime, its firing signals, and its watchlist. */
    public void latest(Verdict verdict) {
        latestWeek.set(epoch(verdict.asOf()));
        List<MultiGauge.Row<?>> regimes = new ArrayList<>();
        for (ReserveRegime each : ReserveRegime.values()) {
            regimes.add(MultiGauge.Row.of(Tags.of("regime", each.name()), each == verdict.regime() ? 1 : 0));
        }
        regime.register(regimes, true);
        List<MultiGauge.Row<?>> signalRows = new ArrayList<>();
        verdict.signals().stream().map(s -> Tags.of("signal", s.code(), "severity", String.valueOf(s.severity())))
                .distinct().forEach(tags -> signalRows.add(MultiGauge.Row.of(tags, 1)));
        signals.register(signalRows, true);
        List<MultiGauge.Row<?>> distances = new ArrayList<>();
        List<MultiGauge.Row<?>> firings = new ArrayList<>();
        List<MultiGauge.Row<?>> crossings = new ArrayList<>();
        java.util.Set<Tags> seen = new java.util.HashSet<>();
        for (Verdict.Watch watch : verdict.watchlist() == null ? List.<Verdict.Watch>of() : verdict.watchlist()) {
            Tags tags = Tags.of("signal", watch.signal(), "metric", watch.metric(), "fires", watch.fires(), "rule",
                    watch.rule());
            if (!seen.add(tags)) {
                continue;
            }
            distances.add(MultiGauge.Row.of(tags, watch.distance()));
            firings.add(MultiGauge.Row.of(tags, watch.firing() ? 1 : 0));
            if (watch.weeksToCross() != null) {
                crossings.add(MultiGauge.Row.of(tags, watch.weeksToCross()));
            }
        }
        distance.register(distances, true);
        firing.register(firings, true);
        weeksToCross.register(crossings, true);
    }

    public void raised(String event) {
        counter("reservewatch_watch_alerts_total", Tags.of("event", event)).increment();
    }

    /** Alerts pending per webhook label, read when asked. */
    public void pending(java.util.Map<String, Integer> byWebhook) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byWebhook.forEach((label, count) -> rows.add(MultiGauge.Row.of(Tags.of("webhook", label), count)));
        pending.register(rows, true);
    }

    @Override
    public void sent(Webhook webhook) {
        counter("reservewatch_watch_alerts_sent_total", Tags.of("webhook", webhook.label())).increment();
    }

    @Override
    public void failed(Webhook webhook) {
        counter("reservewatch_watch_alerts_failed_total", Tags.of("webhook", webhook.label())).increment();
    }

    @Override
    public void dropped(Webhook webhook, String reason) {
        counter("reservewatch_watch_alerts_dropped_total", Tags.of("webhook", webhook.label(), "reason", reason))
                .increment();
    }

    /** Registers the delivery counters of each webhook at 0, so that a rate over them exists before the first alert. */
    public void webhooks(List<Webhook> webhooks) {
        for (Webhook webhook : webhooks) {
            counter("reservewatch_watch_alerts_sent_total", Tags.of("webhook", webhook.label()));
            counter("reservewatch_watch_alerts_failed_total", Tags.of("webhook", webhook.label()));
        }
    }

    private Counter counter(String name, Tags tags) {
        return counters.computeIfAbsent(name + tags, key -> Counter.builder(name).tags(tags).register(registry));
    }

    private static long epoch(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
