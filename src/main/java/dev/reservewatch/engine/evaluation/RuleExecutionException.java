package dev.reservewatch.engine.evaluation;

/**
 * A rule failed while a snapshot was being judged: its consequence threw, or it kept firing past the
 * firing limit. Names the rule so an analyst knows where to look; the evaluation is abandoned.
 */
public final class RuleExecutionException extends RuntimeException {
    private final String rule;
    private final String file;

    public RuleExecutionException(String rule, String file, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.file = file;
    }

    /** The rule's name, or null when Drools did not say which rule failed. */
    public String rule() {
        return rule;
    }

    public String file() {
        return file;
    }
}
