package dev.reservewatch.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.reservewatch.engine.lifecycle.ActiveRuleset;

/**
 * Ready only while a ruleset is active; says which, and whether the last edit was refused. It names no
 * folder and quotes no rule text: why an edit was refused is for the analysts, at {@code GET /rules}.
 */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final ActiveRuleset rulesets;

    public RulesetReadiness(ActiveRuleset rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ruleset");
        rulesets.current().ifPresentOrElse(
                ruleset -> response.up().withData("version", ruleset.version())
                        .withData("loadedAt", ruleset.loadedAt().toString())
                        .withData("rules", ruleset.rules().size()),
                () -> response.down().withData("reason", "no ruleset is active; GET /rules says why"));
        rulesets.lastRejection().ifPresent(rejection -> response.withData("lastRejectedAt", rejection.at().toString()));
        return response.build();
    }
}
