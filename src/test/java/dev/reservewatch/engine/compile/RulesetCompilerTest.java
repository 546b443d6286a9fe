package dev.reservewatch.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleInfo;

class RulesetCompilerTest {

    private final RulesetCompiler compiler = new RulesetCompiler();

    @Test
    void pinsASyntaxErrorToFileLineAndColumn() {
        Compilation compilation = compiler.compile(List.of(new RuleFile("funding.drl", """
                package rules;
                import dev.reservewatch.model.*;

                rule "EFFR above IORB"
                when
                    Market( effrIorbSpreadBp > 0 )
                then
                    insert(new Signal("X", Severity.HIGH, null, null, null, null, "x"));
                    $v
                end
                """)));
        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.errors()).first().satisfies(error -> {
            assertThat(error.file()).isEqualTo("funding.drl");
            assertThat(error.line()).isPositive();
            assertThat(error.message()).isNotBlank();
        });
        assertThat(compilation.errors()).noneMatch(e -> e.message().contains("Parser returned a null Package"));
    }

    @Test
    void readsTheColumnOutOfTheMessageText() {
        Compilation compilation = compiler.compile(List.of(new RuleFile("typo.drl", """
                package rules;
                import dev.reservewatch.model.*;

                rule "Typo in a field name"
                when
                    Market( excessReservesPct < 10.0 )
                then
                end
                """)));
        assertThat(compilation.errors()).isNotEmpty();
        assertThat(compilation.errors()).anySatisfy(error -> {
            assertThat(error.file()).isEqualTo("typo.drl");
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.message()).contains("excessReservesPct");
        });
        assertThat(CompileProblem.of("f.drl", 9, 0, "[ERR 102] Line 9:4 mismatched input '$v'").column()).isEqualTo(4);
        assertThat(CompileProblem.of("f.drl", 8, 0, "Unable to Analyse Expression [Line: 8, Column: 4]").column())
                .isEqualTo(4);
    }

    @Test
    void refusesAnEmptyRulesetAndUnsafeFileNames() {
        assertThat(compiler.compile(List.of()).errors()).singleElement()
                .extracting(CompileProblem::message).asString().contains("at least one rule file");
        assertThat(compiler.compile(List.of(new RuleFile("../escape.drl", "package rules;"))).errors())
                .singleElement().extracting(CompileProblem::file).isEqualTo("../escape.drl");
    }

    @Test
    void describesEachRuleWithFileLineMetadataAndTheFiguresItReads() {
        RuleInfo rule = ShippedRules.ruleset().rules().get("Excess reserves below the scarcity line");
        assertThat(rule.file()).isEqualTo("reserves.drl");
        assertThat(rule.line()).isPositive();
        assertThat(rule.metadata()).containsKey("source");
        assertThat(rule.figuresRead()).containsExactly("largeBankExcessReserveRatioPct");
        assertThat(ShippedRules.ruleset().rules().get("End runoff when reserves turn scarce").figuresRead())
                .containsExactly("runoffActive");
        assertThat(ShippedRules.ruleset().rules().values()).allMatch(RuleInfo::conditional);
        Compilation always = compiler.compile(List.of(new RuleFile("always.drl",
                "package rules;\nrule \"Always\" when then end\n")));
        assertThat(always.ruleset().rules().get("Always").conditional()).isFalse();
    }

    @Test
    void createsTheThresholdsDeclaredInDrlWithTheirDefaults() throws Exception {
        Object thresholds = ShippedRules.ruleset().globals().get("thresholds");
        assertThat(thresholds).isNotNull();
        assertThat(thresholds.getClass().getMethod("getExcessReserveScarcityPct").invoke(thresholds)).isEqualTo(10.0);
    }

    @Test
    void refusesAGlobalNothingWouldSet() {
        Compilation compilation = compiler.compile(List.of(new RuleFile("global.drl", """
                package rules;
                global java.util.List results;
                rule "Uses a list" when then results.add(1); end
                """)));
        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.errors()).singleElement().extracting(CompileProblem::message).asString()
                .contains("global 'results'", "declare");
    }
}
