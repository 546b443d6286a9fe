package dev.reservewatch.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.Market;

class RulesClassLoaderTest {

    /** Counts the lookups and the resource probes that reach the application's loader. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger probes = new AtomicInteger();

        CountingLoader() {
            super(Market.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            lookups.incrementAndGet();
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            probes.incrementAndGet();
            return super.getResource(name);
        }
    }

    @Test
    void asksTheApplicationOnceForANameItDoesNotHave() {
        CountingLoader application = new CountingLoader();
        RulesClassLoader loader = new RulesClassLoader(application);
        String absent = "dev.reservewatch.model.Market$largeBankExcessReserveRatioPct";

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.loadClass(absent)).isInstanceOf(ClassNotFoundException.class)
                    .hasMessageContaining(absent);
        }

        assertThat(application.probes).hasValue(1);
        assertThat(application.lookups).hasValue(0);
        assertThat(loader.remembered()).isEqualTo(1);
    }

    @Test
    void neverAsksTheApplicationToLoadNamesItHasNoClassFileForAndRemembersABoundedNumber() {
        // a draft of many distinct imports: each name reaches the application's loader only as a resource
        // probe, never as a class to load (for which class loaders keep a lock object per name, forever)
        CountingLoader application = new CountingLoader();
        RulesClassLoader loader = new RulesClassLoader(application);
        int names = RulesClassLoader.MAX_REMEMBERED * 3;
        for (int i = 0; i < names; i++) {
            String name = "draft.imports.Name" + i;
            assertThatThrownBy(() -> loader.loadClass(name)).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(application.lookups).hasValue(0);
        assertThat(application.probes).hasValue(names);
        assertThat(loader.remembered()).isBetween(1, RulesClassLoader.MAX_REMEMBERED);
    }

    @Test
    void loadsTheApplicationsAndTheJdksOwnClassesOnceEach() throws Exception {
        CountingLoader application = new CountingLoader();
        RulesClassLoader loader = new RulesClassLoader(application);
        for (int i = 0; i < 3; i++) {
            assertThat(loader.loadClass(Market.class.getName())).isSameAs(Market.class);
            assertThat(loader.loadClass("java.util.ArrayList")).isSameAs(java.util.ArrayList.class);
        }
        assertThat(application.lookups).hasValue(2);
        assertThat(loader.remembered()).isZero();
    }
}
