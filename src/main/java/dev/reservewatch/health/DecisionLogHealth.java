package dev.reservewatch.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.reservewatch.service.DecisionLog;

/**
 * The decision log in readiness: {@code state} is {@code writing}, {@code failing} (with the reason) or
 * {@code off}, with the lines written and dropped. A failing log is a warning the operator sees here and in
 * {@code decision_log_failing}; it takes the pod out of service only when {@code decisions.log.required}.
 */
@Readiness
@ApplicationScoped
public class DecisionLogHealth implements HealthCheck {

    private final DecisionLog log;

    public DecisionLogHealth(DecisionLog log) {
        this.log = log;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("decision-log").up();
        if (!log.enabled()) {
            return response.withData("state", "off").build();
        }
        String failure = log.failure();
        response.withData("state", failure == null ? "writing" : "failing")
                .withData("written", log.written())
                .withData("dropped", log.dropped());
        if (failure != null) {
            response.withData("reason", failure);
            if (log.required()) {
                response.down();
            }
        }
        return response.build();
    }
}
