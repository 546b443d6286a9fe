package dev.reservewatch.engine.compile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.InternalKieBuilder;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.ChineseTemplate;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleInfo;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.engine.ruleset.Sessions;
import dev.reservewatch.engine.ruleset.Sha256;
import dev.reservewatch.engine.ruleset.Trigger;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.model.Figures;
import dev.reservewatch.model.Market;

/**
 * Compiles DRL text into a {@link Ruleset} at run time, so analysts' edits need no rebuild. Each build
 * gets a fresh release id and its module is dropped from the KIE repository afterwards, so repeated
 * reloads do not pile up. The application class loader is passed explicitly: builds on executor
 * threads otherwise fail inside Drools with a null dialect.
 */
public final class RulesetCompiler {

    static final String RESOURCE_DIR = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A consequence that creates a result carrying text for people. */
    private static final Pattern WRITES_TEXT = Pattern.compile("new\\s+(Signal|Recommendation|Regime)\\s*\\(");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.drl");

    private final KieServices kieServices = KieServices.Factory.get();
    /** One for every compilation, so that what it remembers serves every reload. */
    static final RulesClassLoader CLASS_LOADER = new RulesClassLoader(Market.class.getClassLoader());
    private final Clock clock;

    public RulesetCompiler() {
        this(Clock.systemUTC());
    }

    public RulesetCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Whether a rule file may have this name: letters, digits, '.', '_' or '-', ending in .drl. */
    public static boolean safeName(String name) {
        return name != null && name.length() <= 200 && SAFE_NAME.matcher(name).matches();
    }

    /** Compiles the files together; the result carries a ruleset only if Drools reported no error. */
    public Compilation compile(List<RuleFile> files) {
        return compile(files, null);
    }

    /**
     * Compiles the files together, once {@link DrlGuard} has found nothing in them that the compile would
     * evaluate; {@code bounds} limits a draft's rules and imports (null for the rules folder).
     */
    public Compilation compile(List<RuleFile> files, DrlGuard.Bounds bounds) {
        try {
            return compileGuarded(files, bounds);
        } catch (StackOverflowError e) {
            // the parser and the compiler recurse on nesting: text nested thousands deep is no rule to build
            return new Compilation(null, List.of(new CompileProblem("", 0, 0, "the rules could not be compiled: an "
                    + "expression is nested too deeply")), List.of());
        }
    }

    private Compilation compileGuarded(List<RuleFile> files, DrlGuard.Bounds bounds) {
        List<CompileProblem> errors = new ArrayList<>();
        List<CompileProblem> warnings = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(new CompileProblem("", 0, 0, "no .drl files: a ruleset needs at least one rule file"));
            return new Compilation(null, errors, warnings);
        }
        for (RuleFile file : files) {
            if (!SAFE_NAME.matcher(file.name()).matches()) {
                errors.add(new CompileProblem(file.name(), 0, 0,
                        "a rule file name is letters, digits, '.', '_' or '-' and ends in .drl"));
            }
        }
        if (!errors.isEmpty()) {
            return new Compilation(null, errors, warnings);
        }
        errors.addAll(DrlGuard.check(files, bounds));
        if (!errors.isEmpty()) {
            return new Compilation(null, errors, warnings);
        }

        ReleaseId releaseId = kieServices.newReleaseId("dev.reservewatch.rules", "ruleset",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            kfs.write(resourceOf(file));
        }
        KieBuilder builder;
        try {
            builder = ((InternalKieBuilder) kieServices.newKieBuilder(kfs, CLASS_LOADER))
                    .withKModuleModel(moduleFor(bounds != null)).buildAll();
        } catch (RuntimeException | LinkageError e) {
            // some faults escape the builder instead of becoming messages: a compile error all the same
            kieServices.getRepository().removeKieModule(releaseId);
            errors.add(new CompileProblem("", 0, 0, "the rules could not be compiled: " + Excerpt.failure(e)));
            return new Compilation(null, errors, warnings);
        }
        for (Message message : builder.getResults().getMessages()) {
            CompileProblem problem = CompileProblem.of(fileName(message.getPath()), message.getLine(),
                    message.getColumn(), message.getText());
            if (message.getLevel() == Message.Level.ERROR) {
                errors.add(problem);
            } else if (message.getLevel() == Message.Level.WARNING) {
                warnings.add(problem);
            }
        }
        dropNullPackageNoise(errors);
        if (!errors.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            return new Compilation(null, errors, warnings);
        }
        KieBase kieBase;
        try {
            KieContainer container = kieServices.newKieContainer(releaseId, CLASS_LOADER);
            kieBase = container.getKieBase();
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
        return assemble(files, kieBase, warnings);
    }

    /**
     * A ruleset around a KieBase built from these files, whether compiled just now or loaded precompiled:
     * its globals created, its rules described, its session pool ready. {@code earlierWarnings} are those
     * of the compile; the rules' own are added once (a precompiled ruleset's list already holds them).
     */
    public Compilation assemble(List<RuleFile> files, KieBase kieBase, List<CompileProblem> earlierWarnings) {
        List<CompileProblem> warnings = new ArrayList<>(earlierWarnings);
        Map<String, Object> globals = new LinkedHashMap<>();
        List<CompileProblem> globalProblems = createGlobals(kieBase, globals);
        if (!globalProblems.isEmpty()) {
            return new Compilation(null, globalProblems, warnings);
        }
        Map<String, RuleInfo> rules = describeRules(kieBase, files, warnings);
        Set<String> figuresRead = new TreeSet<>();
        rules.values().forEach(rule -> figuresRead.addAll(rule.figuresRead()));
        Map<String, ChineseTemplate> chinese = chineseTexts(kieBase, rules, warnings);
        Ruleset ruleset = new Ruleset(versionOf(files), clock.instant(), List.copyOf(files), kieBase,
                new Sessions(kieBase, Runtime.getRuntime().availableProcessors()),
                Collections.unmodifiableMap(rules), figuresRead.stream().map(Figures::named).toList(),
                Collections.unmodifiableMap(globals), Trigger.of(files, rules.values(), globals), chinese);
        return new Compilation(ruleset, List.of(), List.copyOf(new LinkedHashSet<>(warnings)));
    }

    /**
     * A rule file as Drools reads it: its text as UTF-8 bytes, declared UTF-8, so that text written in any language
     * (the rules' {@code @zh} metadata) reaches the compiled rules intact whatever the platform's default charset.
     */
    private Resource resourceOf(RuleFile file) {
        Resource resource = kieServices.getResources().newByteArrayResource(
                file.content().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8.name());
        resource.setSourcePath(RESOURCE_DIR + file.name());
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    /**
     * Each rule's Chinese text ({@code @zh}), parsed; a warning (never an error: the Chinese verdict then shows the
     * rule's English text) for a rule that writes text for people without one, and for a Chinese text whose
     * placeholders do not fit the rule.
     */
    private static Map<String, ChineseTemplate> chineseTexts(KieBase kieBase, Map<String, RuleInfo> rules,
            List<CompileProblem> warnings) {
        Map<String, ChineseTemplate> chinese = new LinkedHashMap<>();
        for (RuleInfo rule : rules.values()) {
            if (!rule.hasChinese()) {
                if (rule.writesText()) {
                    warnings.add(new CompileProblem(rule.file(), rule.line(), 0, "rule '" + rule.name() + "' writes "
                            + "text for people but gives no Chinese text (@zh(\"...\") beside @source): verdicts in "
                            + "Chinese show its English text"));
                }
                continue;
            }
            ChineseTemplate template = ChineseTemplate.parse((String) rule.metadata().get(ChineseTemplate.KEY));
            template.problems().forEach(problem -> warnings.add(new CompileProblem(rule.file(), rule.line(), 0,
                    "rule '" + rule.name() + "', @zh: " + problem)));
            Set<String> declared = declarationsOf(kieBase, rule.name());
            for (String binding : template.bindings()) {
                if (!declared.contains(binding)) {
                    warnings.add(new CompileProblem(rule.file(), rule.line(), 0, "rule '" + rule.name() + "', @zh: {"
                            + binding + "} is not bound in the rule's conditions; bind it there (" + binding
                            + " : someFigure) or use {observed} and {threshold}"));
                }
            }
            chinese.put(rule.name(), template);
        }
        return Collections.unmodifiableMap(chinese);
    }

    /** The names a rule's conditions bind ({@code $ratio : largeBankExcessReserveRatioPct}). */
    private static Set<String> declarationsOf(KieBase kieBase, String ruleName) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            Rule rule = pkg.getRules().stream().filter(r -> r.getName().equals(ruleName)).findFirst().orElse(null);
            if (rule instanceof RuleImpl impl) {
                return impl.getDeclarations().keySet();
            }
        }
        return Set.of();
    }

    /**
     * The module's build settings: the DRL grammar {@link DrlGuard} parses with, whatever a system
     * property says; and a draft ({@code draft}) builds its rules on the calling thread only, where the folder's
     * build may spread them over every core, so that a draft never takes more than the one core its turn gives it.
     */
    private KieModuleModel moduleFor(boolean draft) {
        KieModuleModel module = kieServices.newKieModuleModel();
        module.setConfigurationProperty(LanguageLevelOption.PROPERTY_NAME, LanguageLevelOption.DRL6.name());
        if (draft) {
            module.setConfigurationProperty(ParallelRulesBuildThresholdOption.PROPERTY_NAME, "-1");
        }
        return module;
    }

    /** sha256 over the files' names and contents, in name order: same files, same version. */
    public static String versionOf(List<RuleFile> files) {
        Sha256 digest = Sha256.start();
        files.stream().sorted(Comparator.comparing(RuleFile::name))
                .forEach(file -> digest.part(file.name()).part(file.content()));
        return "sha256:" + digest.hex();
    }

    /** Drools reports paths inside its virtual project; analysts know the file by its name alone. */
    private static String fileName(String path) {
        if (path == null) {
            return "";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Drools adds "Parser returned a null Package" after a syntax error; the real error is already listed. */
    private static void dropNullPackageNoise(List<CompileProblem> errors) {
        if (errors.size() > 1) {
            errors.removeIf(p -> p.message().contains("Parser returned a null Package")
                    && errors.stream().anyMatch(o -> o != p && o.file().equals(p.file())));
        }
    }

    /**
     * Each global must be of a type declared in the DRL itself (such as {@code Thresholds}): the service
     * creates one instance per ruleset with the declared default values. Nothing else would set it.
     */
    private static List<CompileProblem> createGlobals(KieBase kieBase, Map<String, Object> into) {
        List<CompileProblem> problems = new ArrayList<>();
        InternalRuleBase ruleBase = (InternalRuleBase) kieBase;
        Map<String, java.lang.reflect.Type> globals = new LinkedHashMap<>(ruleBase.getGlobals());
        globals.forEach((name, type) -> {
            String typeName = type.getTypeName();
            int dot = typeName.lastIndexOf('.');
            FactType declared = dot < 0 ? null : kieBase.getFactType(typeName.substring(0, dot), typeName.substring(dot + 1));
            if (declared == null) {
                problems.add(new CompileProblem("", 0, 0, "global '" + name + "' is of type " + typeName
                        + ", which the rules do not declare; a global holds values declared in DRL (declare ... end),"
                        + " such as the thresholds"));
                return;
            }
            try {
                into.put(name, declared.newInstance());
            } catch (InstantiationException | IllegalAccessException e) {
                problems.add(new CompileProblem("", 0, 0, "global '" + name
                        + "' cannot be created from its declaration: " + e));
                return;
            }
            // The container loads declared types anew; the global's recorded type still names the builder's
            // class, and sessions check values against it. Point it at the class the rules really use.
            ruleBase.addGlobal(name, declared.getFactClass());
        });
        return problems;
    }

    private static Map<String, RuleInfo> describeRules(KieBase kieBase, List<RuleFile> files,
            List<CompileProblem> warnings) {
        Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (RuleFile file : files) {
            lines.put(file.name(), ruleLines(file.content()));
            texts.put(file.name(), file.content().split("\n", -1));
        }
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String file = impl.getResource() == null ? "" : fileName(impl.getResource().getSourcePath());
                int line = lines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
                Set<String> figures = new TreeSet<>();
                List<String> conditions = new ArrayList<>();
                collectFiguresRead(impl.getLhs(), figures, conditions);
                infos.add(new RuleInfo(rule.getName(), file, line, Map.copyOf(rule.getMetaData()),
                        Collections.unmodifiableSet(figures), !impl.getLhs().getChildren().isEmpty(),
                        List.copyOf(conditions), WRITES_TEXT.matcher(Trigger.consequenceOf(texts.get(file), line)).find()));
            }
        }
        infos.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        for (RuleInfo info : infos) {
            RuleInfo earlier = byName.putIfAbsent(info.name(), info);
            if (earlier != null) {
                warnings.add(new CompileProblem(info.file(), info.line(), 0, "rule name '" + info.name()
                        + "' is also used in " + earlier.file() + " (line " + earlier.line() + "), in another package;"
                        + " verdicts name rules by name alone, so give each rule its own name"));
            }
        }
        return byName;
    }

    private static Map<String, Integer> ruleLines(String drl) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] text = drl.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            Matcher m = RULE_HEADER.matcher(text[i]);
            if (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                lines.putIfAbsent(name, i + 1);
            }
        }
        return lines;
    }

    /**
     * The Market properties a rule's conditions read, including inside not/exists/or and collect sources, and the
     * text of each condition on the Market ({@code conditions}).
     */
    private static void collectFiguresRead(RuleConditionElement element, Set<String> into, List<String> conditions) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            if (pattern.getObjectType() instanceof ClassObjectType type && type.getClassType() == Market.class) {
                for (String property : pattern.getListenedProperties()) {
                    if (Figures.all().containsKey(property)) {
                        into.add(property);
                    }
                }
                // literal constraints such as runoffActive == true are not among the listened properties
                for (Constraint constraint : pattern.getConstraints()) {
                    if (constraint instanceof MVELConstraint mvel && mvel.getExpression() != null) {
                        conditions.add(mvel.getExpression());
                        Matcher identifiers = IDENTIFIER.matcher(mvel.getExpression());
                        while (identifiers.find()) {
                            if (Figures.all().containsKey(identifiers.group())) {
                                into.add(identifiers.group());
                            }
                        }
                    }
                }
            }
            if (pattern.getSource() != null) {
                collectFiguresRead(pattern.getSource(), into, conditions);
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            if (nested != element) {
                collectFiguresRead(nested, into, conditions);
            }
        }
    }
}
