package dev.reservewatch.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.reservewatch.config.Secret;
import dev.reservewatch.watch.fetch.Backoff;
import dev.reservewatch.watch.fetch.FredFetcher;
import dev.reservewatch.watch.fetch.RateLimiter;

/** What the watch's tests share: the FRED files, a key, clocks a test moves, and watchers built on them. */
final class WatchFixtures {

    /** FRED downloads beside the project (never copied in); tests that need them skip without. */
    static final Path FRED = Path.of("../shared/data/fred");
    static final String KEY = "0123456789abcdef0123456789abcdef";
    /** The series of the FRED import (and so of the watch) whose files are in ../shared/data/fred. */
    static final List<String> SERIES = Watcher.watchedSeries();

    private WatchFixtures() {
    }

    static void assumeFredFiles() {
        Assumptions.assumeTrue(Files.isDirectory(FRED),
                "FRED data not found at " + FRED.toAbsolutePath() + ": the watch's fetch tests need ../shared/data/fred");
    }

    static FredTestServer server(LocalDate today) throws IOException {
        assumeFredFiles();
        return new FredTestServer(FRED, today, KEY);
    }

    /** The watch's settings against {@code base}, with short timeouts so that faults cost little time. */
    static Watcher.Settings settings(URI base, Path dir, String key, List<String> webhooks) {
        return new Watcher.Settings(Optional.ofNullable(key).map(Secret::of), base, dir, webhooks,
                ZoneId.of("America/New_York"), SERIES, 60, Duration.ofSeconds(2), Duration.ofMillis(1500), 3, 2, 120, 4,
                "en", 2, Duration.ofHours(72), Duration.ofMinutes(30));
    }

    /** Timing in which the limiter and the retries wait in virtual time: no test sleeps for FRED's pace. */
    static Watcher.Timing virtual(MutableClock clock) {
        return new Watcher.Timing(clock, new VirtualTime(), new RecordingSleeper(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), () -> 0.5), 4);
    }

    static Watcher watcher(Watcher.Settings settings, MutableClock clock) {
        return new Watcher(settings, virtual(clock), new WatchMetrics(new SimpleMeterRegistry()));
    }

    /** A wall clock a test sets: 22:00 UTC (the evening in New York) of the day given. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(LocalDate day) {
            now = new AtomicReference<>(evening(day));
        }

        static Instant evening(LocalDate day) {
            return day.atTime(22, 0).toInstant(ZoneOffset.UTC);
        }

        void day(LocalDate day) {
            now.set(evening(day));
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return outer.withZone(other);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** The limiter's time, advanced by its sleeps only: waits cost nothing and are measured exactly. */
    static final class VirtualTime implements RateLimiter.Clock {
        private final AtomicLong now = new AtomicLong();
        final List<Long> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            if (nanos > 0) {
                sleeps.add(nanos);
                long target = now.get() + nanos;
                now.accumulateAndGet(target, Math::max);
            }
        }
    }

    /** Retries' waits, recorded and not slept. */
    static final class RecordingSleeper implements FredFetcher.Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration wait) {
            waits.add(wait);
        }
    }
}
