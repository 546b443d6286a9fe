package dev.reservewatch.engine.ruleset;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * The pooled sessions of one ruleset. A session is used by one evaluation at a time and handed back with
 * {@link KieSession#dispose()}, which resets it, so it is configured as not thread-safe: Drools then
 * queues propagations in a plain list instead of a synchronized one, which is cheaper on every
 * evaluation (BENCHMARKS.md, in-process evaluation).
 */
public final class Sessions {

    private final KieSessionsPool pool;
    private final KieSessionConfiguration configuration;

    public Sessions(KieBase kieBase, int initialSize) {
        this.pool = kieBase.newKieSessionsPool(initialSize);
        this.configuration = KieServices.Factory.get().newKieSessionConfiguration();
        this.configuration.setOption(ThreadSafeOption.NO);
    }

    /** A reset session for one evaluation; {@code dispose()} gives it back, {@code destroy()} discards it. */
    public KieSession take() {
        // the pool keys its sessions by the identity of the configuration: always pass this one
        return pool.newKieSession(configuration);
    }
}
