package dev.reservewatch.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies run one way, as a newcomer can read them off the package names: {@code api} (HTTP resources;
 * beside it {@code health} and the bench build's {@code bench}) uses {@code service} (verdicts, series,
 * backtests, rule drafts, the decision log), which uses {@code engine} (compile, activate, evaluate), which
 * uses {@code contract} (the request and response records the engine and the resources share), which uses
 * {@code model} (the facts the rules see). {@code error} and {@code config} are handed down to every layer
 * and use none. No package imports one above it, and no two packages import each other.
 */
@AnalyzeClasses(packages = "dev.reservewatch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule dependenciesRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry point").definedBy("dev.reservewatch")
            .layer("Api").definedBy("dev.reservewatch.api..", "dev.reservewatch.health..", "dev.reservewatch.bench..")
            .layer("Service").definedBy("dev.reservewatch.service..", "dev.reservewatch.watch..")
            .layer("Engine").definedBy("dev.reservewatch.engine..")
            .layer("Contract").definedBy("dev.reservewatch.contract..")
            .layer("Model").definedBy("dev.reservewatch.model..")
            .layer("Handed down").definedBy("dev.reservewatch.error..", "dev.reservewatch.config..")
            .whereLayer("Entry point").mayNotBeAccessedByAnyLayer()
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Entry point")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Entry point", "Api")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Entry point", "Api", "Service")
            .whereLayer("Contract").mayOnlyBeAccessedByLayers("Entry point", "Api", "Service", "Engine")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Entry point", "Api", "Service", "Engine", "Contract")
            .whereLayer("Handed down").mayOnlyBeAccessedByLayers("Entry point", "Api", "Service", "Engine",
                    "Contract", "Model");

    /**
     * The engine's rooms depend one way too: the lifecycle and drafts over scenarios, over evaluation, over verdict
     * assembly; compilation beside them; the ruleset under all of them.
     */
    @ArchTest
    static final ArchRule engineRoomsRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Lifecycle").definedBy("dev.reservewatch.engine.lifecycle..")
            .layer("Drafts").definedBy("dev.reservewatch.engine.draft..")
            .layer("Scenarios").definedBy("dev.reservewatch.engine.scenario..")
            .layer("Evaluation").definedBy("dev.reservewatch.engine.evaluation..")
            .layer("Verdict assembly").definedBy("dev.reservewatch.engine.verdict..")
            .layer("Compilation").definedBy("dev.reservewatch.engine.compile..")
            .layer("Ruleset").definedBy("dev.reservewatch.engine.ruleset..")
            .whereLayer("Lifecycle").mayNotBeAccessedByAnyLayer()
            .whereLayer("Drafts").mayNotBeAccessedByAnyLayer()
            .whereLayer("Scenarios").mayOnlyBeAccessedByLayers("Lifecycle", "Drafts")
            .whereLayer("Evaluation").mayOnlyBeAccessedByLayers("Lifecycle", "Drafts", "Scenarios")
            .whereLayer("Verdict assembly").mayOnlyBeAccessedByLayers("Evaluation")
            .whereLayer("Compilation").mayOnlyBeAccessedByLayers("Lifecycle", "Drafts")
            .whereLayer("Ruleset").mayOnlyBeAccessedByLayers("Lifecycle", "Drafts", "Scenarios", "Evaluation",
                    "Verdict assembly", "Compilation");

    @ArchTest
    static final ArchRule handedDownPackagesUseNoOtherLayer = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noClasses().that().resideInAnyPackage("dev.reservewatch.error..", "dev.reservewatch.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.reservewatch.api..", "dev.reservewatch.health..",
                    "dev.reservewatch.bench..", "dev.reservewatch.service..", "dev.reservewatch.engine..",
                    "dev.reservewatch.contract..", "dev.reservewatch.model..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.reservewatch.(*)..").should().beFreeOfCycles();
}
