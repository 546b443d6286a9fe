package dev.reservewatch.contract;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule: its name, line, metadata ({@code @source}, {@code @zh}), the names of the scenarios it fires in, and whether
 * it gives its text for people in Chinese ({@code chinese}).
 */
public record RuleView(String name, int line, Map<String, Object> metadata, List<String> firesIn,
        @Schema(description = "GIVEN: the rule gives its text in Chinese (@zh); MISSING: it writes text for people "
                + "(a signal's message, an action's rationale, a regime's reason) but gives no Chinese, so Chinese "
                + "verdicts show its English text; NO_TEXT: it writes no text for people",
                enumeration = { "GIVEN", "MISSING", "NO_TEXT" }) String chinese) {

    /** Whether a rule gives its Chinese text, as {@code chinese} says it. */
    public static String chinese(boolean given, boolean writesText) {
        return given ? "GIVEN" : writesText ? "MISSING" : "NO_TEXT";
    }
}
