package dev.reservewatch.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A compile problem tells the author where and what, never the parser's own exception or stack. */
class CompileProblemTest {

    @Test
    void theParsersOwnExceptionAndStackAreLeftOutAndTheLineKept() {
        CompileProblem problem = CompileProblem.of("facilities.drl", 0, 0, "Line 3:87 unexpected exception at input "
                + "'<eof>'. Exception: java.lang.NullPointerException: Cannot invoke \"java.util.LinkedList.getLast()\" "
                + "because \"ei\" is null. Stack trace:\n\tat org.drools.drl.parser.lang.DRL6Expressions.foo(X.java:1)");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(87);
        assertThat(problem.message()).isEqualTo("Line 3:87 unexpected exception at input '<eof>' (the parser stopped "
                + "here: look for a condition or parenthesis left open before it)");
    }

    @Test
    void anOrdinaryMessageStaysAsDroolsWroteIt() {
        CompileProblem problem = CompileProblem.of("a.drl", 4, 4, "[ERR 102] Line 4:4 mismatched input 'Market' in rule "
                + "\"x\"\n");
        assertThat(problem.message()).isEqualTo("[ERR 102] Line 4:4 mismatched input 'Market' in rule \"x\"");
    }
}
