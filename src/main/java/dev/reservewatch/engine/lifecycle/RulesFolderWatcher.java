package dev.reservewatch.engine.lifecycle;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.engine.ruleset.RuleSource;

/**
 * Takes edits to the rules folder live. It compares the folder's content fingerprint, so it sees any
 * kind of change: a save in place, a new file, or the Kubernetes ConfigMap layout, where every file is a
 * symlink through {@code ..data} and the kubelet swaps that link atomically. File-system events trigger
 * a check at once; a poll every {@code rules.poll-interval} (at most 2 s) covers volumes that send none.
 * A change is taken only once the content has stayed the same for {@code rules.settle}, so a burst of
 * saves is one edit. Content already tried is not tried again.
 */
@ApplicationScoped
public class RulesFolderWatcher {

    private static final Logger LOG = Logger.getLogger(RulesFolderWatcher.class);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);

    private final RulesConfig config;
    private final ActiveRuleset rulesets;
    private ScheduledExecutorService scheduler;
    private WatchService watchService;
    private Thread eventThread;
    private ScheduledFuture<?> pendingCheck;
    private String settling;
    private long settlingSince;

    public RulesFolderWatcher(RulesConfig config, ActiveRuleset rulesets) {
        this.config = config;
        this.rulesets = rulesets;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent event) {
        if (!config.watch()) {
            LOG.info("Rules folder watching is off (rules.watch=false): POST /rules/reload picks up edits");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long pollMillis = Math.min(config.pollInterval().toMillis(), MAX_POLL.toMillis());
        scheduler.scheduleWithFixedDelay(this::check, pollMillis, Math.max(pollMillis, 50), TimeUnit.MILLISECONDS);
        startEvents();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("closing the rules watch service", e);
            }
        }
    }

    /** Events make a check happen now rather than at the next poll; the poll alone would also do. */
    private void startEvents() {
        Path dir = rulesets.rulesDir();
        try {
            watchService = FileSystems.getDefault().newWatchService();
            register(dir);
            register(dir.resolve("scenarios"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.infof("No file-system events for %s (%s); polling every %s", dir, e.getMessage(), config.pollInterval());
            return;
        }
        eventThread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    WatchKey key = watchService.take();
                    key.pollEvents();
                    key.reset();
                    scheduler.execute(this::check);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
            }
        }, "rules-watcher-events");
        eventThread.setDaemon(true);
        eventThread.start();
    }

    private void register(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        }
    }

    /** Runs on the watcher thread only. */
    private void check() {
        try {
            String fingerprint;
            RuleSource source;
            try {
                source = rulesets.readFolder();
                fingerprint = source.fingerprint();
            } catch (IOException e) {
                source = null;
                fingerprint = RuleSource.unreadable(e);
            }
            if (fingerprint.equals(rulesets.lastAttemptedFingerprint())) {
                settling = null;
                return;
            }
            long now = System.nanoTime();
            if (!fingerprint.equals(settling)) {
                settling = fingerprint; // changed: wait until it holds still for the settle time
                settlingSince = now;
            }
            long heldStill = now - settlingSince;
            if (heldStill < config.settle().toNanos()) {
                if (pendingCheck != null) {
                    pendingCheck.cancel(false);
                }
                pendingCheck = scheduler.schedule(this::check, config.settle().toNanos() - heldStill + 1_000_000,
                        TimeUnit.NANOSECONDS);
                return;
            }
            settling = null;
            LOG.infof("Rules folder %s changed; checking the new version", rulesets.rulesDir());
            if (source == null) {
                rulesets.reload();
            } else {
                rulesets.reload(source);
            }
        } catch (RuntimeException e) {
            LOG.error("Checking the rules folder failed; will try again", e);
        }
    }
}
