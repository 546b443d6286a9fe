package dev.reservewatch.model;

import java.util.Objects;

/**
 * A reading the rules report: a code (the rules define it), how serious it is, and the figure
 * behind it. Rules create signals with {@code insert(new Signal(...))}; the message may use
 * {@code {observed}} and {@code {threshold}}, which are filled in with the figure and its unit.
 */
public final class Signal {
    private final String code;
    private final Severity severity;
    private final String metric;
    private final Double observed;
    private final Double threshold;
    private final String unit;
    private final String message;

    public Signal(String code, Severity severity, String metric, Double observed, Double threshold, String unit,
            String message) {
        this.code = requireText(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.metric = metric;
        // a figure that is not a finite number is unknown: never "Infinity" in a verdict
        this.observed = observed == null || !Double.isFinite(observed) ? null : observed;
        this.threshold = threshold == null || !Double.isFinite(threshold) ? null : threshold;
        this.unit = unit == null ? "" : unit;
        this.message = render(requireText(message, "message"), observed, threshold, this.unit);
    }

    private static String render(String template, Double observed, Double threshold, String unit) {
        int brace = template.indexOf('{');
        if (brace < 0) {
            return template;
        }
        // one pass over the template: this runs in the consequence of every rule that raises a signal
        StringBuilder text = new StringBuilder(template.length() + 16);
        int copied = 0;
        for (; brace >= 0; brace = template.indexOf('{', brace + 1)) {
            String placeholder = template.startsWith(OBSERVED, brace) ? OBSERVED
                    : template.startsWith(THRESHOLD, brace) ? THRESHOLD : null;
            Double value = placeholder == OBSERVED ? observed : placeholder == THRESHOLD ? threshold : null;
            if (value != null) {
                text.append(template, copied, brace);
                UnitFormat.appendTo(text, value, unit);
                copied = brace + placeholder.length();
                brace = copied - 1;
            }
        }
        return text.append(template, copied, template.length()).toString();
    }

    private static final String OBSERVED = "{observed}";
    private static final String THRESHOLD = "{threshold}";

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    public String getCode() {
        return code;
    }

    public Severity getSeverity() {
        return severity;
    }

    /** True for HIGH and CRITICAL: the signal reports stress, not just something to watch. */
    public boolean isStress() {
        return severity == Severity.HIGH || severity == Severity.CRITICAL;
    }

    /** True for anything above a calm reading (WARN, HIGH, CRITICAL). */
    public boolean isConcern() {
        return severity != Severity.INFO;
    }

    public String getMetric() {
        return metric;
    }

    public Double getObserved() {
        return observed;
    }

    public Double getThreshold() {
        return threshold;
    }

    public String getUnit() {
        return unit;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return "Signal[" + code + " " + severity + " " + metric + "=" + observed + "]";
    }
}
