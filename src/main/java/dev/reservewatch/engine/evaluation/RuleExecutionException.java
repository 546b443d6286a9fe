package dev.reservewatch.engine.evaluation;

import java.time.LocalDate;

/**
 * A rule failed while a snapshot was being judged: its consequence threw, or it kept firing past the
 * firing limit. Names the rule so an analyst knows where to look, and, in a series, the point it failed on;
 * the evaluation is abandoned.
 */
public final class RuleExecutionException extends RuntimeException {
    private final String rule;
    private final String file;
    private final LocalDate asOf;

    public RuleExecutionException(String rule, String file, String message, Throwable cause) {
        this(rule, file, null, message, cause);
    }

    private RuleExecutionException(String rule, String file, LocalDate asOf, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.file = file;
        this.asOf = asOf;
    }

    /** The same failure, naming the date of the series point it happened on. */
    public RuleExecutionException at(LocalDate pointAsOf) {
        return new RuleExecutionException(rule, file, pointAsOf, getMessage(), getCause());
    }

    /** The rule's name, or null when Drools did not say which rule failed. */
    public String rule() {
        return rule;
    }

    public String file() {
        return file;
    }

    /** The date of the series point the rule failed on; null outside a series. */
    public LocalDate asOf() {
        return asOf;
    }
}
