package dev.reservewatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.reservewatch.model.Market;

class RulesClassLoaderTest {

    /** Counts the lookups that reach the application's loader. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger lookups = new AtomicInteger();

        CountingLoader() {
            super(Market.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            lookups.incrementAndGet();
            return super.loadClass(name, resolve);
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

        assertThat(application.lookups).hasValue(1);
        assertThat(loader.remembered()).isEqualTo(1);
    }

    @Test
    void loadsTheApplicationsOwnClasses() throws Exception {
        RulesClassLoader loader = new RulesClassLoader(new CountingLoader());
        assertThat(loader.loadClass(Market.class.getName())).isSameAs(Market.class);
        assertThat(loader.remembered()).isZero();
    }
}
