package dev.reservewatch.model;

/**
 * How plentiful bank reserves are, from most to least plentiful. {@link #UNKNOWN} when the inputs
 * are too thin for any regime rule to decide.
 */
public enum ReserveRegime {
    ABUNDANT, AMPLE, TIGHTENING, SCARCE, UNKNOWN
}
