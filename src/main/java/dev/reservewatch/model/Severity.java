package dev.reservewatch.model;

/** How loudly a signal speaks: a calm reading, something to watch, stress, or acute stress. */
public enum Severity {
    INFO, WARN, HIGH, CRITICAL
}
