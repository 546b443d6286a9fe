package dev.reservewatch.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The FRED series the import understands, the snapshot field each feeds and how its unit converts.
 * IOER (interest on excess reserves) stands in for IORB before IORB replaced it on 2021-07-29.
 */
public enum FredSeries {
    RRPONTSYD("onRrpBalanceBn", 1),
    WRESBAL("reserveBalancesBn", 0.001),
    WALCL("fedTotalAssetsBn", 0.001),
    TREAST("treasuryHoldingsBn", 0.001),
    WSHOMCB("mbsHoldingsBn", 0.001),
    EFFR("effrPct", 1),
    SOFR("sofrPct", 1),
    IORB("iorbPct", 1),
    IOER("iorbPct", 1),
    DFEDTARL("targetRangeLowPct", 1),
    DFEDTARU("targetRangeHighPct", 1);

    private final String field;
    private final double scale;

    FredSeries(String field, double scale) {
        this.field = field;
        this.scale = scale;
    }

    /** The snapshot field this series feeds. */
    public String field() {
        return field;
    }

    /** Multiplier from FRED's unit to the field's (millions of dollars to billions: 0.001). */
    public double scale() {
        return scale;
    }

    public static Optional<FredSeries> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
