package dev.reservewatch.engine.compile;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent class loader of every compiled ruleset: the application's, in front of which it answers the
 * names a rule may ask for. Drools and MVEL probe many names that do not exist while they compile and run
 * rules (an identifier might be a class, a nested class, a class in an imported package), and a draft may
 * import any name it likes. Two things keep that cheap and bounded:
 * <ul>
 * <li>A name is passed to the application's loader only if the application has its class file. Class
 * loaders keep a lock object for every name they are ever asked to load, so asking them for every name a
 * draft invents would grow their memory without end; the class files they have are a fixed set.</li>
 * <li>What it found and what it did not are remembered: the application's classes never change while it
 * runs. The memory of absent names is bounded ({@value #MAX_REMEMBERED}; past it, it starts again).</li>
 * </ul>
 * It defines no class itself and is not registered as parallel-capable, so it keeps no lock per name either.
 * The rules' own classes live in Drools' loaders below this one and are not affected.
 */
final class RulesClassLoader extends ClassLoader {

    static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Class<?>> found = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    RulesClassLoader(ClassLoader application) {
        super("reserve-watch-rules", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> known = found.get(name);
        if (known != null) {
            return known;
        }
        if (missing.contains(name) || getParent().getResource(name.replace('.', '/') + ".class") == null) {
            remember(name);
            throw new ClassNotFoundException(name);
        }
        try {
            Class<?> loaded = getParent().loadClass(name);
            found.put(name, loaded);
            return loaded;
        } catch (ClassNotFoundException e) {
            remember(name);
            throw e;
        }
    }

    private void remember(String name) {
        if (missing.size() >= MAX_REMEMBERED) {
            missing.clear();
        }
        missing.add(name);
    }

    /** How many names are remembered as absent (for tests). */
    int remembered() {
        return missing.size();
    }
}
