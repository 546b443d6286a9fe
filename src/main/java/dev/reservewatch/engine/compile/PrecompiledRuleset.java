package dev.reservewatch.engine.compile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleSource;
import dev.reservewatch.engine.ruleset.Ruleset;

/**
 * The shipped rules compiled at build time, so that a service started on exactly those files loads them
 * instead of compiling them again: a cold compile is the costliest part of a start-up, and it competes with
 * Quarkus' boot for the CPU (BENCHMARKS.md, start-up). The build runs {@link #main} on {@code rules/} and
 * puts the archive on the classpath under {@value #RESOURCE_DIR}, named after the ruleset's version (the
 * sha256 over its files), so any edit misses it and compiles as before. The archive holds Drools' compiled
 * packages and the classes the DRL declares, written with Drools' own serialisation; it is read only from
 * the application's classpath, never from anything a client sends, and through an allow-list of the classes
 * a compiled ruleset is made of ({@link #filter}). Loading does not skip the checks: the
 * sample evaluation and every scenario still run before the ruleset serves, and a loaded ruleset that fails
 * them gives way to a compile of the folder ({@code ActiveRuleset.reload}).
 */
public final class PrecompiledRuleset {

    /** Classpath folder of the archives. */
    public static final String RESOURCE_DIR = "precompiled-rules/";
    static final String SUFFIX = ".ruleset";
    private static final String MAGIC = "reserve-watch precompiled ruleset";
    /** Raised whenever what is written changes. */
    private static final int FORMAT = 1;

    private PrecompiledRuleset() {
    }

    /**
     * Build step: {@code PrecompiledRuleset <rules folder> <output folder>}. Writes the archive of the folder's
     * rules into the output folder and removes any older archive there. A folder that is missing or does not
     * compile gets no archive (the service will compile it at start and report the errors), which does not
     * fail the build; failing to write the archive does.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PrecompiledRuleset <rules folder> <output folder>");
            System.exit(2);
        }
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(out, "*" + SUFFIX)) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        if (!Files.isDirectory(rules)) {
            System.out.println("[precompile] no rules folder at " + rules + "; no precompiled ruleset written");
            return;
        }
        List<RuleFile> files = RuleSource.read(rules).ruleFiles();
        Compilation compilation = new RulesetCompiler().compile(files);
        if (!compilation.succeeded()) {
            System.out.println("[precompile] " + rules + " does not compile (" + compilation.errors().size()
                    + " error(s), first: " + compilation.errors().get(0) + "); no precompiled ruleset written");
            return;
        }
        Path archive = out.resolve(fileName(compilation.ruleset().version()));
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(archive))) {
            write(compilation, stream);
        }
        System.out.println("[precompile] " + compilation.ruleset().rules().size() + " rules of "
                + compilation.ruleset().version() + " written to " + archive + " (" + Files.size(archive) + " bytes)");
    }

    /** The archive's file name for a ruleset version ({@code sha256:<hex>}). */
    static String fileName(String version) {
        return version.substring(version.indexOf(':') + 1) + SUFFIX;
    }

    /** Writes a successful compilation's packages, declared classes and warnings. */
    static void write(Compilation compilation, OutputStream stream) throws IOException {
        Ruleset ruleset = compilation.ruleset();
        ClassLoader root = ((InternalRuleBase) ruleset.kieBase()).getRootClassLoader();
        if (!(root instanceof ProjectClassLoader project)) {
            throw new IllegalStateException("the rules' class loader keeps no compiled classes: " + root);
        }
        Map<String, byte[]> declaredClasses = project.getStore() == null ? Map.of() : project.getStore();
        DroolsObjectOutputStream out = writeHeader(stream, ruleset.version(), compilation.warnings());
        out.writeObject(new HashMap<>(declaredClasses));
        out.writeObject(new ArrayList<>(ruleset.kieBase().getKiePackages()));
        out.flush();
    }

    /** The archive's header: what it is, who wrote it, for which ruleset version, and the compile's warnings. */
    static DroolsObjectOutputStream writeHeader(OutputStream stream, String version, List<CompileProblem> warnings)
            throws IOException {
        DroolsObjectOutputStream out = new DroolsObjectOutputStream(stream);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(droolsVersion());
        out.writeUTF(version);
        out.writeInt(warnings.size());
        for (CompileProblem warning : warnings) {
            out.writeUTF(warning.file());
            out.writeInt(warning.line());
            out.writeInt(warning.column());
            out.writeUTF(warning.message());
        }
        return out;
    }

    /**
     * The precompiled ruleset of exactly these files from the application's classpath; empty when the build
     * made none for them. Throws when an archive is there but cannot be used.
     */
    public static Optional<Compilation> find(List<RuleFile> files, RulesetCompiler assembler) throws IOException {
        String version = RulesetCompiler.versionOf(files);
        InputStream resource = RulesetCompiler.CLASS_LOADER.getResourceAsStream(RESOURCE_DIR + fileName(version));
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream stream = new BufferedInputStream(resource)) {
            return Optional.of(read(stream, files, assembler));
        }
    }

    /** Reads an archive written by {@link #write} for exactly these files. */
    static Compilation read(InputStream stream, List<RuleFile> files, RulesetCompiler assembler) throws IOException {
        DroolsObjectInputStream in = new DroolsObjectInputStream(stream, RulesetCompiler.CLASS_LOADER);
        Set<String> declared = new HashSet<>();
        in.setObjectInputFilter(filter(declared));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a precompiled ruleset");
        }
        int format = in.readInt();
        String drools = in.readUTF();
        if (format != FORMAT || !drools.equals(droolsVersion())) {
            throw new IOException("written in format " + format + " by Drools " + drools + "; this service reads format "
                    + FORMAT + " with Drools " + droolsVersion());
        }
        String version = in.readUTF();
        if (!version.equals(RulesetCompiler.versionOf(files))) {
            throw new IOException("the archive holds ruleset " + version + ", not these files");
        }
        List<CompileProblem> warnings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            warnings.add(new CompileProblem(in.readUTF(), in.readInt(), in.readInt(), in.readUTF()));
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, byte[]> declaredClasses = (Map<String, byte[]>) in.readObject();
            declaredClasses.keySet().forEach(path -> declared.add(className(path)));
            ProjectClassLoader classLoader = ProjectClassLoader.createProjectClassLoader(RulesetCompiler.CLASS_LOADER,
                    declaredClasses);
            in.setClassLoader(classLoader);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
            kieBase.addPackages(packages);
            return assembler.assemble(files, (KieBase) kieBase, warnings);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the archive does not fit this service: " + e, e);
        }
    }

    /** Limits on what an archive may make the stream build, whatever its classes. */
    private static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=2000000;maxbytes=268435456;maxarray=16777216");
    /**
     * The classes a compiled ruleset is made of: Drools' own, MVEL's, the facts, and the plain Java values and
     * collections they hold. Anything else in an archive is refused before it is built.
     */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.lang.Boolean;java.lang.Byte;java.lang.Character;java.lang.Short;java.lang.Integer;java.lang.Long;"
                    + "java.lang.Float;java.lang.Double;java.lang.Number;java.lang.String;java.lang.Enum;java.lang.Object;"
                    + "java.util.*;java.util.concurrent.*;java.util.concurrent.atomic.*;java.util.concurrent.locks.*;"
                    + "org.drools.**;org.kie.**;org.mvel2.**;dev.reservewatch.model.*;!*");

    /**
     * The archive's allow-list: the classes above, and the types the DRL declares, which the archive carries
     * itself (their names are known once its first object, the map of declared classes, has been read).
     */
    static ObjectInputFilter filter(Set<String> declaredTypes) {
        return info -> {
            ObjectInputFilter.Status limits = LIMITS.checkInput(info);
            if (limits == ObjectInputFilter.Status.REJECTED) {
                return limits;
            }
            Class<?> type = info.serialClass();
            while (type != null && type.isArray()) {
                type = type.getComponentType();
            }
            if (type == null || type.isPrimitive() || declaredTypes.contains(type.getName())) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            return ALLOWED.checkInput(info) == ObjectInputFilter.Status.ALLOWED ? ObjectInputFilter.Status.ALLOWED
                    : ObjectInputFilter.Status.REJECTED;
        };
    }

    /** {@code rules/Thresholds.class} to {@code rules.Thresholds}. */
    private static String className(String path) {
        String name = path.endsWith(".class") ? path.substring(0, path.length() - ".class".length()) : path;
        return name.replace('/', '.');
    }

    /** The Drools release on the classpath, from its jar's Maven metadata (which every packaging keeps). */
    static String droolsVersion() {
        try (InputStream pom = RulesetCompiler.CLASS_LOADER
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (pom == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(pom);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
