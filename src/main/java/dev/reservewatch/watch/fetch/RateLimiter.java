package dev.reservewatch.watch.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Spaces requests to FRED so that, whichever thread asks, at most {@code perSecond} start in any second and at
 * most {@code perMinute} in any minute (FRED counts per key), with a margin for the network. A permit is reserved under a lock, at the earliest
 * moment both windows allow, and the caller sleeps until then outside the lock, so that permits are handed out in
 * order. {@link #pauseUntil} holds every caller back after FRED answered 429. The clock is injectable so that tests
 * need not wait for real.
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

    /**
     * The windows are counted a tenth longer than FRED's: a request leaves when its permit says, but reaches FRED a
     * little earlier or later than the one before it (a new connection takes longer than a reused one), and FRED
     * counts arrivals.
     */
    static final long SECOND = Duration.ofMillis(1100).toNanos();
    static final long MINUTE = Duration.ofSeconds(66).toNanos();

    private final int perSecond;
    private final int perMinute;
    private final Clock clock;
    /** Start times of the latest permits, oldest first; at most max(perSecond, perMinute) are kept. */
    private final ArrayDeque<Long> granted = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private boolean paused;

    public RateLimiter(int perSecond, int perMinute, Clock clock) {
        if (perSecond < 1 || perMinute < 1) {
            throw new IllegalArgumentException("the limits must be 1 or more");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Waits until a request may start. */
    public void acquire() throws InterruptedException {
        long at;
        synchronized (this) {
            long now = clock.nanoTime();
            at = Math.max(now, earliest(perSecond, SECOND));
            at = Math.max(at, earliest(perMinute, MINUTE));
            if (paused) {
                at = Math.max(at, pausedUntil);
            }
            granted.addLast(at);
            while (granted.size() > Math.max(perSecond, perMinute)) {
                granted.removeFirst();
            }
        }
        clock.sleepNanos(at - clock.nanoTime());
        // a 429 seen while this caller slept holds it back too
        long extra;
        synchronized (this) {
            extra = paused ? pausedUntil - clock.nanoTime() : 0;
        }
        if (extra > 0) {
            clock.sleepNanos(extra);
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

    /** The earliest start that keeps fewer than {@code limit} permits in any window of {@code period} before it. */
    private long earliest(int limit, long period) {
        if (granted.size() < limit) {
            return Long.MIN_VALUE;
        }
        Iterator<Long> newestFirst = granted.descendingIterator();
        long permit = 0;
        for (int i = 0; i < limit; i++) {
            permit = newestFirst.next();
        }
        return permit + period;
    }
}
