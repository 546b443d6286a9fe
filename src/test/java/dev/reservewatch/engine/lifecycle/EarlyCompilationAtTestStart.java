package dev.reservewatch.engine.lifecycle;

import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.RulesConfig;

/**
 * What the service's main method does before Quarkus boots ({@code ReserveWatchMain}), done in every
 * {@code @QuarkusTest} service, which boots without it: the configured rules folder is handed to the first
 * activation as the build precompiled it when it holds exactly the shipped files ({@code PrecompiledRuleset}), and
 * compiled otherwise. The first activation still runs the sample evaluation and every scenario on it, and every
 * later reload compiles as always; only the start-up compile of the shipped rules, which the build has already
 * done, is not done again for each test profile.
 */
@ApplicationScoped
public class EarlyCompilationAtTestStart {

    /** Before the first activation ({@code ActiveRuleset}'s start-up observer, at APPLICATION). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION - 10) StartupEvent event, RulesConfig config) {
        EarlyCompilation.AT_BOOT.start(Path.of(config.dir()));
    }
}
