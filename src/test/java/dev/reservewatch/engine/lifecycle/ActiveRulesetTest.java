package dev.reservewatch.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.ReloadRejection;
import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.error.RulesUnavailableException;

/** Guarded activation: only a version that compiles, evaluates and passes its scenarios may serve. */
class ActiveRulesetTest {

    @TempDir
    Path dir;

    @Test
    void activatesTheShippedRules() throws Exception {
        ActiveRuleset service = RulesFolder.copyOfShipped(dir).activeRuleset();
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.ACTIVATED);
        assertThat(service.active().version()).isEqualTo(ShippedRules.ruleset().version());
        assertThat(service.activation().orElseThrow().scenarios()).hasSize(ShippedRules.source().scenarios().size())
                .allMatch(ScenarioResult::passed);
        assertThat(service.reload().status()).as("same content again").isEqualTo(ReloadStatus.UNCHANGED);
    }

    @Test
    void keepsTheLastGoodVersionWhenAnEditDoesNotCompile() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = folder.activeRuleset();
        service.reload();
        String good = service.active().version();

        folder.write("typo.drl", RulesFolder.BROKEN_DRL);
        ReloadOutcome outcome = service.reload();

        assertThat(outcome.status()).isEqualTo(ReloadStatus.REJECTED);
        assertThat(outcome.activeVersion()).isEqualTo(good);
        assertThat(service.active().version()).isEqualTo(good);
        ReloadRejection rejection = service.lastRejection().orElseThrow();
        assertThat(rejection.errors()).anySatisfy(error -> {
            assertThat(error.file()).isEqualTo("typo.drl");
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.message()).contains("excessReservesPct");
        });
    }

    @Test
    void refusesAnEditThatBreaksAScenarioAndSaysHow() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = folder.activeRuleset();
        service.reload();
        String good = service.active().version();

        folder.write("thresholds.drl", RulesFolder.thresholdsWithScarcityLine(9.0)); // 9.8% no longer scarce
        ReloadOutcome outcome = service.reload();

        assertThat(outcome.status()).isEqualTo(ReloadStatus.REJECTED);
        assertThat(service.active().version()).isEqualTo(good);
        assertThat(service.lastRejection().orElseThrow().failedScenarios())
                .anySatisfy(failed -> {
                    assertThat(failed.file()).isEqualTo("2025-10-article-alarm.json");
                    assertThat(failed.failures()).anyMatch(f -> f.contains("expected regime SCARCE but got"));
                });
    }

    @Test
    void refusesRulesThatFailOnlyWhenTheyRun() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = folder.activeRuleset();
        service.reload();
        folder.write("runtime.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Divides by zero whenever reserves are known"
                when
                    Market( reserveBalancesBn != null )
                then
                    int broken = 1 / 0;
                end
                """);
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.REJECTED);
        assertThat(service.lastRejection().orElseThrow().reason()).contains("sample evaluation failed",
                "Divides by zero whenever reserves are known");
    }

    @Test
    void startsWithoutRulesAndServesOnceTheFolderIsFixed() throws Exception {
        RulesFolder folder = new RulesFolder(dir);
        ActiveRuleset service = folder.activeRuleset();
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.REJECTED);
        assertThatThrownBy(service::active).isInstanceOf(RulesUnavailableException.class)
                .hasMessageContaining("no .drl files");

        RulesFolder.copyOfShipped(dir);
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.ACTIVATED);
        assertThat(service.current()).isPresent();
    }

    @Test
    void reportsAMissingFolder() {
        ActiveRuleset service = new RulesFolder(dir.resolve("missing")).activeRuleset();
        assertThat(service.reload().status()).isEqualTo(ReloadStatus.REJECTED);
        assertThat(service.lastRejection().orElseThrow().reason()).contains("cannot be read");
        assertThat(Files.exists(dir.resolve("missing"))).as("the service never writes into RULES_DIR").isFalse();
    }

    @Test
    void listsRulesThatFireInNoScenario() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        folder.write("extra.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Hyperinflation watch"
                when
                    Market( cpiYoYPct > 50 )
                then
                    insert(new Signal("HYPERINFLATION", Severity.CRITICAL, "cpiYoYPct", null, null, "%", "CPI above 50%"));
                end
                """);
        ActiveRuleset service = folder.activeRuleset();
        service.reload();
        assertThat(service.activation().orElseThrow().rulesFiringInNoScenario()).containsExactly("Hyperinflation watch");
    }
}
