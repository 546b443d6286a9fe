package dev.reservewatch.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.ruleset.RuleFile;

/**
 * Every construct that Drools evaluates while compiling, or when a declared type is instantiated, is refused
 * before the compile unless it is a literal; refused drafts create nothing. {@code MARKER} stands for a file
 * that the construct's code would create if Drools ran it.
 */
class DrlGuardTest {

    private static final String HEAD = "package rules;\nimport dev.reservewatch.model.*;\n";
    private static final String CREATE = "java.nio.file.Files.createFile(java.nio.file.Path.of(\"MARKER\"))";

    @TempDir
    static Path dir;

    static Stream<Arguments> constructsThatRunWhileCompiling() {
        return Stream.of(
                Arguments.of("rule metadata", HEAD + """
                        rule "Looks harmless"
                            @source( CREATE )
                        when
                            Market()
                        then
                        end
                        """, 4, "@source is not a literal"),
                Arguments.of("rule metadata in an array", HEAD + """
                        rule "Tagged"
                            @tags( { "a", CREATE } )
                        when
                            Market()
                        then
                        end
                        """, 4, "@tags is not a literal"),
                Arguments.of("an activation listener", HEAD + """
                        rule "Listened"
                            @ActivationListener( CREATE )
                        when
                            Market()
                        then
                        end
                        """, 4, "@ActivationListener is not a literal"),
                Arguments.of("a primitive field's default", HEAD + """
                        declare Trap
                            armed : boolean = CREATE != null
                        end
                        """, 4, "default of armed is not a literal"),
                Arguments.of("an object field's default, run at instantiation", HEAD + """
                        declare Trap
                            armed : Object = CREATE
                        end
                        global Trap trap;
                        """, 4, "default of armed is not a literal"),
                Arguments.of("a supertype's constructor", HEAD + """
                        declare Ticker extends java.util.Timer
                        end
                        global Ticker ticker;
                        """, 3, "extends java.util.Timer, which the rules do not declare"),
                Arguments.of("a trait", HEAD + """
                        declare trait Trap
                            armed : String = "no"
                        end
                        """, 3, "declare trait"),
                Arguments.of("an enum constant's arguments", HEAD + """
                        declare enum Level
                            HIGH(CREATE);
                            value : Object
                        end
                        """, 4, "arguments of HIGH must be literals"),
                Arguments.of("an accumulate function's class", HEAD + """
                        import accumulate java.util.Timer ticks;
                        """, 3, "import accumulate"),
                Arguments.of("an import from elsewhere", HEAD + """
                        import java.io.File;
                        """, 3, "import java.io.File is not taken"),
                Arguments.of("a date compared with a call", HEAD + """
                        function java.time.LocalDate trap() { return null; }
                        rule "Dated"
                        when
                            Market( asOf > trap() )
                        then
                        end
                        """, 6, "compares a date with a call"),
                Arguments.of("a condition that Drools mistakes for a constant", HEAD + """
                        rule "Escaped"
                        when
                            Signal( code == ( "\\"" + CREATE + "\\"" ) )
                        then
                        end
                        """, 5, "a string with an escape"),
                Arguments.of("a query argument", HEAD + """
                        function String trap() { return "x"; }
                        query lookup(String code)
                            Signal( this.code == code )
                        end
                        rule "Asks"
                        when
                            ?lookup( trap(); )
                        then
                        end
                        """, 9, "query argument"),
                Arguments.of("MVEL consequences", HEAD + """
                        dialect "mvel"
                        rule "Mvel"
                        when
                            Market()
                        then
                        end
                        """, 3, "dialect \"mvel\""),
                Arguments.of("new in a condition", HEAD + """
                        rule "Creates"
                        when
                            Market( reserveBalancesBn > new java.math.BigDecimal("1").doubleValue() )
                        then
                        end
                        """, 5, "'new'"),
                Arguments.of("a class by its full name in a condition", HEAD + """
                        rule "Reaches out"
                        when
                            Market( reserveBalancesBn > java.lang.Math.max(1, 2) )
                        then
                        end
                        """, 5, "java.lang.Math"),
                Arguments.of("a salience expression that creates objects", HEAD + """
                        rule "Salient"
                            salience ( new Object().hashCode() )
                        when
                            Market()
                        then
                        end
                        """, 4, "'new'"),
                Arguments.of("a window", HEAD + """
                        declare window Recent
                            Signal() over window:length( 10 )
                        end
                        """, 3, "declare window"),
                Arguments.of("code in a type's annotation", HEAD + """
                        declare Trap
                            @author( CREATE )
                            armed : boolean = false
                        end
                        """, 3, "@author has a value that is not a literal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructsThatRunWhileCompiling")
    void refusesAndDoesNotCompile(String construct, String drl, int line, String message) throws Exception {
        Path marker = dir.resolve(construct.replace(' ', '-') + ".created");
        String text = drl.replace("MARKER", marker.toString().replace("\\", "/"))
                .replace("CREATE", CREATE.replace("MARKER", marker.toString().replace("\\", "/")));
        List<RuleFile> files = List.of(new RuleFile("draft.drl", text));

        List<CompileProblem> problems = DrlGuard.check(files, null);
        assertThat(problems).as(construct).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("draft.drl");
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains(message);
        });

        Compilation compilation = new RulesetCompiler().compile(files);
        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.errors()).as("%s: the compile refuses what the policy refuses", construct)
                .containsExactlyInAnyOrderElementsOf(problems);
        assertThat(Files.exists(marker)).as("%s ran while compiling", construct).isFalse();
    }

    @Test
    void takesTheShippedRulesAndAnAnalystsPlainRule() {
        assertThat(DrlGuard.check(ShippedRules.source().ruleFiles(), null)).isEmpty();
        assertThat(DrlGuard.check(List.of(new RuleFile("analyst.drl", HEAD + """
                import java.util.List;
                declare Limits
                    floorBn : double = -2.5e3
                    label : String = 'floor'
                    strict : boolean = true
                end
                rule "Reserves below a tenth of GDP"
                    @source("analyst, 2026-12-01") @tags({"a", "b"})
                    salience -5
                when
                    $m : Market( $share : reservesToGdpPct, reservesToGdpPct < 10.0, asOf > "2025-01-01" )
                    Readings( has("ON_RRP_DEPLETED"), $s : signalsAmong(List.of("X")) )
                    not Regime( level == ReserveRegime.ABUNDANT )
                then
                    insert(new Signal("THIN", Severity.WARN, "reservesToGdpPct", $share, 10.0, "%", "thin"));
                end
                """)), null)).isEmpty();
    }

    @Test
    void boundsTheRulesAndImportsOfTheDraftsOwnFiles() {
        String threeRules = HEAD + "import java.util.List;\n"
                + "rule \"a\" when Market() then end\nrule \"b\" when Market() then end\nrule \"c\" when Market() then end\n";
        List<RuleFile> files = List.of(new RuleFile("draft.drl", threeRules), new RuleFile("active.drl", threeRules
                .replace("\"a\"", "\"d\"").replace("\"b\"", "\"e\"").replace("\"c\"", "\"f\"")));
        assertThat(DrlGuard.check(files, new DrlGuard.Bounds(Set.of("draft.drl"), 3, 2))).isEmpty();
        assertThat(DrlGuard.check(files, new DrlGuard.Bounds(Set.of("draft.drl"), 2, 2)))
                .extracting(CompileProblem::message).containsExactly(
                        "the draft holds 3 rules; a draft may hold 2 (rules.drafts.max-rules)");
        assertThat(DrlGuard.check(files, new DrlGuard.Bounds(Set.of("draft.drl"), 3, 1)))
                .extracting(CompileProblem::message).containsExactly(
                        "the draft holds 2 imports; a draft may hold 1 (rules.drafts.max-imports)");
    }

    @Test
    void reportsAFileThatDoesNotParseWithTheParsersOwnLineAndColumn() {
        List<CompileProblem> problems = DrlGuard.check(List.of(new RuleFile("broken.drl", HEAD + """

                rule "EFFR above IORB"
                when
                    Market( effrIorbSpreadBp > 0 )
                then
                end
                $v
                """)), null);
        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo("broken.drl"));
        assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(9);
        assertThat(problems.get(0).message()).isNotBlank();
    }
}
