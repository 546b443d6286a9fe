package dev.reservewatch.error;

/** No ruleset is active (none has compiled yet), so no verdict can be given. */
public final class RulesUnavailableException extends RuntimeException {
    public RulesUnavailableException(String detail) {
        super(detail);
    }
}
