package dev.reservewatch.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A summary of every signal the signal rules raised, inserted by the engine once they have all fired.
 * Rules that weigh the signals (the regime, the actions) match this one fact instead of each signal:
 * {@code Readings( has("ON_RRP_DEPLETED") )}, {@code Readings( stress )},
 * {@code Readings( $rates : signalsAmong(rateStress()) )}. It is cheaper to match and reads as the
 * analyst thinks: "given what the signals say".
 */
public final class Readings {
    private final List<Signal> signals;
    private final Set<String> codes;
    private final List<Signal> stressSignals;
    private final boolean concern;

    public Readings(Collection<Signal> raised) {
        this.signals = List.copyOf(raised);
        Set<String> allCodes = new HashSet<>();
        List<Signal> stressed = new ArrayList<>();
        boolean anyConcern = false;
        for (Signal signal : signals) {
            allCodes.add(signal.getCode());
            if (signal.isStress()) {
                stressed.add(signal);
            }
            anyConcern |= signal.isConcern();
        }
        this.codes = Collections.unmodifiableSet(allCodes);
        this.stressSignals = Collections.unmodifiableList(stressed);
        this.concern = anyConcern;
    }

    /** Every signal raised, in the order the rules raised them. */
    public List<Signal> getSignals() {
        return signals;
    }

    /** True if a signal with this code was raised. */
    public boolean has(String code) {
        return codes.contains(code);
    }

    /** True if a signal with any of these codes was raised. */
    public boolean hasAny(Collection<String> someCodes) {
        for (String code : someCodes) {
            if (codes.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** The raised signals whose code is among these, e.g. to say why an action follows. */
    public List<Signal> signalsAmong(Collection<String> someCodes) {
        List<Signal> among = new ArrayList<>();
        for (Signal signal : signals) {
            if (someCodes.contains(signal.getCode())) {
                among.add(signal);
            }
        }
        return among;
    }

    /** True if any signal reports stress (HIGH or CRITICAL). */
    public boolean isStress() {
        return !stressSignals.isEmpty();
    }

    /** The signals that report stress. */
    public List<Signal> getStressSignals() {
        return stressSignals;
    }

    /** True if any signal is above a calm reading (WARN or worse). */
    public boolean isConcern() {
        return concern;
    }

    @Override
    public String toString() {
        return "Readings" + codes;
    }
}
