package dev.reservewatch.watch.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Spaces requests to FRED so that, whichever thread asks, at most {@code perSecond} reach it in any second and at
 * most {@code perMinute} in any minute (FRED counts per key, by arrival). A request counts from the moment its
 * permit is granted until its answer is in ({@link Permit#done()}): FRED may count it anywhere in between (a new
 * connection takes longer than a reused one), so a window is measured from when the request was done, or, while
 * it is in flight, from now. The windows are also counted a tenth longer than FRED's, for the network. A 429 holds
 * every caller back ({@link #pauseFor}). The clock is injectable so that tests need not wait for real.
 */
public final class RateLimiter {

    /** Where the limiter reads the time and waits. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                }
            }
        };
    }

    /** A granted request: call {@link #done()} once its answer is in, or it failed. */
    public final class Permit {
        private final long granted;
        private long done;
        private boolean finished;

        private Permit(long granted) {
            this.granted = granted;
        }

        public void done() {
            synchronized (RateLimiter.this) {
                if (!finished) {
                    finished = true;
                    done = Math.max(granted, clock.nanoTime());
                }
            }
        }

        /** When FRED may have counted it, at the latest, as far as is known at {@code now}. */
        private long counted(long now) {
            if (finished) {
                return done;
            }
            return Math.min(Math.max(granted, now), granted + IN_FLIGHT_AT_MOST);
        }
    }

    static final long SECOND = Duration.ofMillis(1100).toNanos();
    static final long MINUTE = Duration.ofSeconds(66).toNanos();
    /** A request not done after this long is taken as counted then: a caller that never says done blocks no one. */
    static final long IN_FLIGHT_AT_MOST = Duration.ofMinutes(2).toNanos();

    private final int perSecond;
    private final int perMinute;
    private final Clock clock;
    /** The latest permits, oldest first; the newest max(perSecond, perMinute) and a few in flight are kept. */
    private final ArrayDeque<Permit> permits = new ArrayDeque<>();
    private long pausedUntil;
    private boolean paused;

    public RateLimiter(int perSecond, int perMinute, Clock clock) {
        if (perSecond < 1 || perMinute < 1) {
            throw new IllegalArgumentException("the limits must be 1 or more");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Waits until a request may start, and grants it. */
    public Permit acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.nanoTime();
                wait = Math.max(waitFor(perSecond, SECOND, now), waitFor(perMinute, MINUTE, now));
                if (paused) {
                    wait = Math.max(wait, pausedUntil - now);
                }
                if (wait <= 0) {
                    Permit permit = new Permit(now);
                    permits.addLast(permit);
                    while (permits.size() > Math.max(perSecond, perMinute) + 16) {
                        permits.removeFirst();
                    }
                    return permit;
                }
            }
            // outside the lock: others may finish their requests meanwhile; the windows are checked again after
            clock.sleepNanos(wait);
        }
    }

    /** Holds every request back for {@code wait}: FRED said to slow down. */
    public synchronized void pauseFor(Duration wait) {
        long until = clock.nanoTime() + wait.toNanos();
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
            paused = true;
        }
    }

    /** How long until a start keeps fewer than {@code limit} requests counted in any window of {@code period}. */
    private long waitFor(int limit, long period, long now) {
        if (permits.size() < limit) {
            return 0;
        }
        long[] counted = new long[permits.size()];
        int i = 0;
        for (Permit permit : permits) {
            counted[i++] = permit.counted(now);
        }
        Arrays.sort(counted);
        return counted[counted.length - limit] + period - now;
    }
}
