package dev.reservewatch.watch.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.reservewatch.watch.fetch.Backoff;
import dev.reservewatch.watch.store.JsonFiles;

/**
 * Takes events and delivers them to every webhook, each event once. {@link #take} keeps only events whose id was
 * never taken, and records them, with one pending delivery per webhook, in the ledger on disk before it returns: a
 * restart neither takes an event again nor loses a pending one. Each webhook has its own thread, which posts its
 * pending alerts in order and, while the receiver is down (no connection, a timeout, 408, 429, 5xx), tries again
 * with backoff (its Retry-After honoured) until {@code giveUpAfter}; any other answer drops the alert. Callers never
 * wait for a receiver. A receiver may see an alert twice only if the process dies between its 2xx and the ledger
 * write; the id lets it drop the repeat.
 */
public final class AlertDelivery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

    /** Event ids remembered: far more than the events a year of weeks and fetches raises. */
    static final int TAKEN_KEPT = 5000;
    /** Alerts kept for {@code GET /watch}. */
    static final int RECENT_KEPT = 20;
    /** Pending alerts per webhook; beyond, the oldest is dropped. */
    static final int PENDING_KEPT = 1000;
    static final Duration POST_TIMEOUT = Duration.ofSeconds(10);

    /** What delivery reports, for metrics. */
    public interface Listener {
        void sent(Webhook webhook);

        void failed(Webhook webhook);

        void dropped(Webhook webhook, String reason);

        Listener NONE = new Listener() {
            @Override
            public void sent(Webhook webhook) {
            }

            @Override
            public void failed(Webhook webhook) {
            }

            @Override
            public void dropped(Webhook webhook, String reason) {
            }
        };
    }

    private final Path file;
    private final List<Webhook> webhooks;
    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private final Listener listener;
    private final List<Thread> workers = new ArrayList<>();

    private final LinkedHashSet<String> taken = new LinkedHashSet<>();
    private LocalDate lastWeek;
    private DataEvents.View data;
    private final List<AlertLedger.Pending> outbox = new ArrayList<>();
    private final List<AlertEvent> recent = new ArrayList<>();
    private boolean closed;

    public AlertDelivery(Path dir, List<Webhook> webhooks, HttpClient http, Clock clock, Backoff backoff,
            Duration giveUpAfter, Listener listener) {
        this.file = dir.resolve(AlertLedger.FILE);
        this.webhooks = List.copyOf(webhooks);
        this.http = http;
        this.clock = clock;
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
        this.listener = listener;
        AlertLedger ledger = JsonFiles.read(file, AlertLedger.class).orElse(AlertLedger.empty());
        taken.addAll(ledger.taken());
        lastWeek = ledger.lastWeek();
        data = ledger.data();
        recent.addAll(ledger.recent());
        Set<String> keys = new java.util.HashSet<>();
        webhooks.forEach(webhook -> keys.add(webhook.key()));
        for (AlertLedger.Pending pending : ledger.outbox()) {
            if (keys.contains(pending.webhook())) {
                outbox.add(pending);
            } else {
                LOG.warnf("Alert %s (%s) was pending for a webhook no longer configured: dropped",
                        pending.alert().id(), pending.alert().event());
            }
        }
    }

    /** Starts one delivery thread per webhook. */
    public synchronized void start() {
        for (Webhook webhook : webhooks) {
            Thread worker = new Thread(() -> deliver(webhook), "watch-alerts-" + webhook.number());
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Takes the events not taken before (by id), queues each for every webhook and records it; returns those taken.
     * {@code lastWeek}, when not null, is recorded as the last week alerted on, and {@code data}, when not null, as
     * the data view told.
     */
    public synchronized List<AlertEvent> take(List<AlertEvent> events, LocalDate lastWeek, DataEvents.View data) {
        List<AlertEvent> fresh = new ArrayList<>();
        Instant now = clock.instant();
        for (AlertEvent event : events) {
            if (!taken.add(event.id())) {
                continue;
            }
            fresh.add(event);
            recent.add(event);
            for (Webhook webhook : webhooks) {
                if (outbox.stream().filter(p -> p.webhook().equals(webhook.key())).count() >= PENDING_KEPT) {
                    AlertLedger.Pending oldest = outbox.stream().filter(p -> p.webhook().equals(webhook.key()))
                            .findFirst().orElseThrow();
                    outbox.remove(oldest);
                    listener.dropped(webhook, "overflow");
                }
                outbox.add(new AlertLedger.Pending(webhook.key(), event, now, 0, now, null));
            }
        }
        while (taken.size() > TAKEN_KEPT) {
            taken.remove(taken.iterator().next());
        }
        while (recent.size() > RECENT_KEPT) {
            recent.remove(0);
        }
        if (lastWeek != null) {
            this.lastWeek = lastWeek;
        }
        if (data != null) {
            this.data = data;
        }
        save();
        notifyAll();
        for (AlertEvent event : fresh) {
            LOG.infof("Alert %s %s (%s): %s", event.event(), event.id(), event.asOf(), event.text());
        }
        return fresh;
    }

    public synchronized LocalDate lastWeek() {
        return lastWeek;
    }

    public synchronized DataEvents.View data() {
        return data;
    }

    /** The latest alerts taken, newest first. */
    public synchronized List<AlertEvent> recent() {
        List<AlertEvent> newestFirst = new ArrayList<>(recent);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Alerts waiting for each webhook, by its label. */
    public synchronized Map<String, Integer> pending() {
        Map<String, Integer> pending = new TreeMap<>();
        for (Webhook webhook : webhooks) {
            pending.put(webhook.label(), (int) outbox.stream().filter(p -> p.webhook().equals(webhook.key())).count());
        }
        return pending;
    }

    public List<Webhook> webhooks() {
        return webhooks;
    }

    /** Stops delivery: a post under way may finish (and be recorded) for two seconds, then it is cut short. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            long until = System.nanoTime() + 2_000_000_000L;
            for (Thread worker : workers) {
                worker.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread worker : workers) {
            worker.interrupt();
        }
    }

    private void deliver(Webhook webhook) {
        while (true) {
            AlertLedger.Pending next;
            synchronized (this) {
                if (closed) {
                    return;
                }
                next = outbox.stream().filter(p -> p.webhook().equals(webhook.key())).findFirst().orElse(null);
                long wait = next == null ? 60_000 : Duration.between(clock.instant(), next.nextAttemptAt()).toMillis();
                if (next == null || wait > 0) {
                    try {
                        wait(Math.max(1, Math.min(wait, 60_000)));
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
            }
            Outcome outcome = post(webhook, next.alert());
            synchronized (this) {
                int at = outbox.indexOf(next);
                if (at < 0) {
                    continue; // dropped meanwhile
                }
                Instant now = clock.instant();
                if (outcome.delivered()) {
                    outbox.remove(at);
                    listener.sent(webhook);
                } else if (closed) {
                    return; // stopped mid-try: it stays pending, for the next start
                } else {
                    listener.failed(webhook);
                    int attempts = next.attempts() + 1;
                    if (!outcome.retryable()) {
                        outbox.remove(at);
                        listener.dropped(webhook, "rejected");
                        LOG.errorf("Alert %s to webhook %s dropped: %s", next.alert().id(), webhook.label(), outcome.error());
                    } else if (Duration.between(next.queuedAt(), now).compareTo(giveUpAfter) > 0) {
                        outbox.remove(at);
                        listener.dropped(webhook, "expired");
                        LOG.errorf("Alert %s to webhook %s given up after %d tries: %s", next.alert().id(),
                                webhook.label(), attempts, outcome.error());
                    } else {
                        Duration wait = backoff.after(attempts, outcome.retryAfter());
                        outbox.set(at, new AlertLedger.Pending(next.webhook(), next.alert(), next.queuedAt(), attempts,
                                now.plus(wait), outcome.error()));
                        LOG.warnf("Alert %s to webhook %s failed (%s); try %d in %d ms", next.alert().id(),
                                webhook.label(), outcome.error(), attempts + 1, wait.toMillis());
                    }
                }
                save();
            }
        }
    }

    private record Outcome(boolean delivered, boolean retryable, String error, Optional<Duration> retryAfter) {
    }

    private Outcome post(Webhook webhook, AlertEvent alert) {
        byte[] body;
        try {
            body = webhook.slack() ? SlackMessage.of(alert) : JsonFiles.MAPPER.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            return new Outcome(false, false, "not writable as JSON: " + e.getOriginalMessage(), Optional.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(webhook.uri()).timeout(POST_TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "reserve-watch")
                .header("Idempotency-Key", alert.id()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, false, null, Optional.empty());
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new Outcome(false, retryable, "answered " + status,
                    Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
        } catch (IOException e) {
            return new Outcome(false, true, e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, "interrupted", Optional.empty());
        }
    }

    private void save() {
        JsonFiles.write(file, new AlertLedger(List.copyOf(taken), lastWeek, data, outbox, recent));
    }
}
