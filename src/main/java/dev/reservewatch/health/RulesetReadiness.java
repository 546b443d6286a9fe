package dev.reservewatch.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.reservewatch.engine.RulesetService;

/** Ready only while a ruleset is active; says which, or why none is. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final RulesetService rulesets;

    public RulesetReadiness(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ruleset");
        rulesets.current().ifPresentOrElse(
                ruleset -> response.up().withData("version", ruleset.version())
                        .withData("loadedAt", ruleset.loadedAt().toString())
                        .withData("rules", ruleset.rules().size()),
                () -> response.down().withData("rulesDir", rulesets.rulesDir().toString()));
        rulesets.lastRejection().ifPresent(rejection -> response.withData("lastRejected", rejection.reason()));
        return response.build();
    }
}
