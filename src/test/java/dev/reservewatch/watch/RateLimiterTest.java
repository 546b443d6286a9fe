package dev.reservewatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.watch.WatchFixtures.VirtualTime;
import dev.reservewatch.watch.fetch.RateLimiter;

/** The limiter in virtual time: both windows hold, and a 429's pause holds every caller. (The real pace: FredFetcherTest.) */
class RateLimiterTest {

    static final long MS = 1_000_000;

    @Test
    void keepsToBothThePerSecondAndThePerMinuteLimit() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = new RateLimiter(5, 12, time);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            limiter.acquire().done();
            starts.add(time.nanoTime() / MS);
        }
        assertThat(starts.subList(0, 5)).containsOnly(0L);
        assertThat(starts.subList(5, 10)).as("the second's five, a tenth of a second of margin after").containsOnly(1100L);
        assertThat(starts.subList(10, 12)).containsOnly(2200L);
        assertThat(starts.get(12)).as("the minute's twelve are spent: 66 s after the first").isEqualTo(66_000L);
        assertThat(starts.get(13)).isEqualTo(66_000L);
    }

    @Test
    void twoASecondIsOneHundredAndTwentyAMinuteAtMost() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = new RateLimiter(2, 120, time);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            limiter.acquire().done();
            starts.add(time.nanoTime());
        }
        for (int i = 0; i + 2 < starts.size(); i++) {
            assertThat(starts.get(i + 2) - starts.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        for (int i = 0; i + 120 < starts.size(); i++) {
            assertThat(starts.get(i + 120) - starts.get(i)).isGreaterThanOrEqualTo(Duration.ofMinutes(1).toNanos());
        }
    }

    @Test
    void aPauseHoldsEveryCallerBack() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = new RateLimiter(2, 120, time);
        limiter.acquire().done();
        limiter.pauseFor(Duration.ofSeconds(30));
        limiter.acquire().done();
        assertThat(time.nanoTime() / MS).isEqualTo(30_000L);
    }

    @Test
    void aRequestCountsUntilItIsDone() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = new RateLimiter(2, 120, time);
        RateLimiter.Permit slow = limiter.acquire();
        limiter.acquire().done();
        time.sleepNanos(3_000 * MS);   // the first request's answer takes three seconds: FRED may count it that late
        slow.done();
        limiter.acquire().done();
        assertThat(time.nanoTime() / MS).isEqualTo(3_000L);
        limiter.acquire().done();
        assertThat(time.nanoTime() / MS).as("the window runs from when the slow request was done, not when it began")
                .isEqualTo(4_100L);
    }
}
