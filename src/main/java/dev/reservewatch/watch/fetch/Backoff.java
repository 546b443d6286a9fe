package dev.reservewatch.watch.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying again: exponential from {@code base}, capped at {@code max}, with "equal jitter"
 * (half the step fixed, half random) so that retries of many series do not arrive together; a server's
 * {@code Retry-After} (seconds, or an HTTP date) is honoured when it asks for longer.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait before try number {@code attempt + 1}, after {@code attempt} tries failed (1 or more). */
    public Duration after(int attempt, Optional<Duration> retryAfter) {
        long step = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        step = Math.min(step, max.toMillis());
        long wait = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        Duration backoff = Duration.ofMillis(wait);
        return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }

    /**
     * A {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110), as a wait from {@code now}; empty
     * when absent or unreadable, zero for a date already past.
     */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
