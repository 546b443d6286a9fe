package dev.reservewatch.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A balance-sheet action the rules recommend. {@code because} takes the signals (or their codes)
 * that led to it, singly or as collections, e.g. the list from
 * {@code $stress : List() from collect( Signal( stress ) )}.
 */
public final class Recommendation {
    private final String code;
    private final int priority;
    private final String rationale;
    private final List<String> because;

    public Recommendation(String code, int priority, String rationale, Object... because) {
        this.code = Signal.requireText(code, "code");
        if (priority < 1) {
            throw new IllegalArgumentException("priority must be 1 or more (1 = most urgent), was " + priority);
        }
        this.priority = priority;
        this.rationale = Signal.requireText(rationale, "rationale");
        TreeSet<String> codes = new TreeSet<>();
        for (Object reason : because) {
            collectCodes(reason, codes);
        }
        this.because = List.copyOf(new ArrayList<>(codes));
    }

    private static void collectCodes(Object reason, TreeSet<String> into) {
        if (reason instanceof Signal signal) {
            into.add(signal.getCode());
        } else if (reason instanceof Recommendation other) {
            into.addAll(other.because);
        } else if (reason instanceof Collection<?> many) {
            for (Object each : many) {
                collectCodes(each, into);
            }
        } else if (reason instanceof String code && !code.isBlank()) {
            into.add(code);
        } else if (reason != null) {
            throw new IllegalArgumentException("because takes signals, signal codes or collections of them, not "
                    + reason.getClass().getSimpleName());
        }
    }

    public String getCode() {
        return code;
    }

    public int getPriority() {
        return priority;
    }

    public String getRationale() {
        return rationale;
    }

    /** Signal codes behind this action, sorted and without repeats. */
    public List<String> getBecause() {
        return because;
    }

    @Override
    public String toString() {
        return "Recommendation[" + code + " p" + priority + " because " + because + "]";
    }
}
