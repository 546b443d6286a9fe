package dev.reservewatch.config;

import java.util.Objects;

/**
 * A setting whose value must never be shown: its {@link #toString()} names no part of it, so that a log line, an
 * exception message or a dump of the configuration that prints it shows {@code Secret[redacted]}. Only the code
 * that sends the value calls {@link #reveal()}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** The setting's text, stripped; SmallRye Config finds this method and converts the setting with it. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").strip());
    }

    /** The value itself: for the one place that sends it, never for a message. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
