package dev.reservewatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.reservewatch.watch.fetch.Backoff;

class BackoffTest {

    @Test
    void doublesWithJitterUpToItsCap() {
        Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), () -> 0.999999);
        assertThat(low.after(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(high.after(1, Optional.empty())).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(low.after(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.after(10, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(low.after(10, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void honoursALongerRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), () -> 0.5);
        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(9)))).isEqualTo(Duration.ofSeconds(9));
        assertThat(backoff.after(4, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(12_000));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2025-10-02T14:00:00Z");
        assertThat(Backoff.retryAfter("120", now)).contains(Duration.ofMinutes(2));
        assertThat(Backoff.retryAfter("Thu, 02 Oct 2025 14:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter("Thu, 02 Oct 2025 13:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon", now)).isEmpty();
        assertThat(Backoff.retryAfter(null, now)).isEmpty();
    }
}
