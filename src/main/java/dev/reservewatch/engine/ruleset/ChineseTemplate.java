package dev.reservewatch.engine.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reservewatch.model.ChineseUnitFormat;

/**
 * A rule's text in Chinese, as analysts write it in the rule's {@code @zh("...")} metadata next to {@code @source}:
 * a signal's message, an action's rationale or a regime's reason. Placeholders: {@code {observed}} and
 * {@code {threshold}}, the signal's own figures in the signal's unit, or in another ({@code {observed:pp}}: a change
 * of a share, in percentage points); {@code {$name:unit}}, a value the rule's conditions bind to {@code $name}, in
 * {@code %}, {@code bp}, {@code pp}, {@code $bn}, {@code weeks}, {@code bp/pp} or {@code plain}. Parsed once, when the
 * ruleset is built; rendered only when a verdict is asked for in Chinese.
 */
public record ChineseTemplate(String text, List<Part> parts, Set<String> bindings, List<String> problems) {

    /** The metadata key of a rule's Chinese text. */
    public static final String KEY = "zh";

    /** The units a placeholder may name. */
    public static final Set<String> UNITS = Set.of("%", "bp", "pp", "$bn", "weeks", "bp/pp", "plain");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(observed|threshold|\\$[A-Za-z_][A-Za-z0-9_]*)"
            + "(?::([^{}]*))?}");

    /** Literal text, or a placeholder: {@code observed}, {@code threshold} or a bound {@code $name}, with its unit. */
    public record Part(String literal, String value, String unit) {
    }

    /** The template of a text; {@code problems} lists what an analyst should fix (an unknown unit). */
    public static ChineseTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        Set<String> bindings = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int copied = 0;
        while (placeholder.find()) {
            if (placeholder.start() > copied) {
                parts.add(new Part(text.substring(copied, placeholder.start()), null, null));
            }
            String value = placeholder.group(1);
            String unit = placeholder.group(2);
            if (unit != null && !UNITS.contains(unit)) {
                problems.add("{" + value + ":" + unit + "} names an unknown unit; a placeholder's unit is one of "
                        + List.of("%", "bp", "pp", "$bn", "weeks", "bp/pp", "plain"));
                unit = null;
            }
            if (value.startsWith("$")) {
                bindings.add(value);
            }
            parts.add(new Part(null, value, unit));
            copied = placeholder.end();
        }
        if (copied < text.length()) {
            parts.add(new Part(text.substring(copied), null, null));
        }
        if (text.contains("{") && parts.stream().allMatch(part -> part.literal() != null)) {
            problems.add("a brace that is not a placeholder: placeholders are {observed}, {threshold} and {$name:unit}");
        }
        return new ChineseTemplate(text, List.copyOf(parts), Set.copyOf(bindings), List.copyOf(problems));
    }

    /**
     * The text with its placeholders filled: the signal's figures ({@code observed}, {@code threshold} in
     * {@code unit}) and the rule's bound values; null when a placeholder has no value, so that the caller keeps the
     * English text rather than show a gap.
     */
    public String render(Double observed, Double threshold, String unit, Map<String, Object> bound) {
        StringBuilder out = new StringBuilder(text.length() + 24);
        for (Part part : parts) {
            if (part.literal() != null) {
                out.append(part.literal());
                continue;
            }
            Object value = switch (part.value()) {
                case "observed" -> observed;
                case "threshold" -> threshold;
                default -> bound == null ? null : bound.get(part.value());
            };
            if (!(value instanceof Number number)) {
                return null;
            }
            String shownIn = part.unit() != null ? part.unit() : part.value().startsWith("$") ? "plain" : unit;
            ChineseUnitFormat.appendTo(out, number.doubleValue(), shownIn);
        }
        return out.toString();
    }
}
