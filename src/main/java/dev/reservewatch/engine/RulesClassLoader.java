package dev.reservewatch.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent class loader of every compiled ruleset: the application's, plus a memory of the class names
 * it does not have. Drools and MVEL probe many names that do not exist while they compile and first run
 * rules (an identifier might be a class, a nested class, a class in an imported package). In the packaged
 * service each miss in a package the application has means opening and scanning a jar again, so a warm
 * reload spent most of its second there. The application's classes never change while it runs, so a
 * name it did not have once it will never have; the rules' own classes live in Drools' loaders below this
 * one and are not affected.
 */
final class RulesClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Bounded: a pathological ruleset cannot make it grow without end, it is only forgotten and rebuilt. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    RulesClassLoader(ClassLoader application) {
        super("reserve-watch-rules", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            if (missing.size() >= MAX_REMEMBERED) {
                missing.clear();
            }
            missing.add(name);
            throw e;
        }
    }

    /** How many names are remembered as absent (for tests). */
    int remembered() {
        return missing.size();
    }
}
