package dev.reservewatch.engine.ruleset;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reservewatch.model.Figures;
import dev.reservewatch.model.Severity;

/**
 * A threshold comparison of a signal rule, as the watchlist watches it: the signal the rule raises (above an
 * INFO reading), the market figure it compares, the threshold it compares it with, and which side of the line
 * fires. Read off the rules as analysts write them, so a new trigger needs no Java: a rule that inserts
 * {@code new Signal("CODE", Severity.HIGH, "someFigure", $value, thresholds.getSomeLine(), "unit", ...)} and
 * has the condition {@code someFigure < thresholds.someLine} (or {@code <=}, {@code >}, {@code >=}, or against
 * {@code -thresholds.someLine}) is watched on {@code someFigure} against {@code someLine}.
 */
public record Trigger(String signal, String metric, String field, Side fires, boolean inclusive, String unit, String rule,
        Double threshold, Figures.Figure figure) {

    /** Which side of the line fires. */
    public enum Side {
        BELOW, ABOVE
    }

    private static final Pattern SIGNAL = Pattern.compile("new\\s+Signal\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*Severity\\.(\\w+)"
            + "\\s*,\\s*\"(\\w+)\"\\s*,\\s*[^,]+?,\\s*(-?)\\s*(\\w+)\\.get(\\w+)\\(\\)\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(\\w+)\\s*(<=|>=|<|>)\\s*(-?)\\s*(\\w+)\\.(\\w+)\\s*$");

    /** The triggers of these rules, one per signal, figure and line, in the order of the files. */
    public static List<Trigger> of(List<RuleFile> files, Collection<RuleInfo> rules, Map<String, Object> globals) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        files.forEach(file -> lines.put(file.name(), file.content().split("\n", -1)));
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        for (RuleInfo rule : rules) {
            String consequence = consequenceOf(lines.get(rule.file()), rule.line());
            Matcher signal = SIGNAL.matcher(consequence);
            while (signal.find()) {
                Severity severity = Severity.valueOf(signal.group(2));
                String metric = signal.group(3);
                String global = signal.group(5);
                String field = Character.toLowerCase(signal.group(6).charAt(0)) + signal.group(6).substring(1);
                if (severity == Severity.INFO || !Figures.all().containsKey(metric) || !globals.containsKey(global)) {
                    continue;
                }
                for (String condition : rule.marketConditions()) {
                    Matcher comparison = COMPARISON.matcher(condition);
                    if (comparison.matches() && comparison.group(1).equals(metric)
                            && comparison.group(4).equals(global) && comparison.group(5).equals(field)) {
                        String op = comparison.group(2);
                        boolean negated = !comparison.group(3).isEmpty();
                        Trigger trigger = new Trigger(signal.group(1), metric, field,
                                op.startsWith("<") ? Side.BELOW : Side.ABOVE, op.endsWith("="), signal.group(7),
                                rule.name(), line(globals.get(global), field, negated), Figures.named(metric));
                        triggers.putIfAbsent(trigger.signal() + " " + metric + " " + field, trigger);
                    }
                }
            }
        }
        return List.copyOf(triggers.values());
    }

    /**
     * The line's value in this ruleset, read once when the ruleset is built: the global's field, negated when the
     * rule compares with its negative; null when it cannot be read as a number.
     */
    private static Double line(Object holder, String field, boolean negated) {
        if (holder == null) {
            return null;
        }
        try {
            Method getter = holder.getClass().getMethod("get" + Character.toUpperCase(field.charAt(0))
                    + field.substring(1));
            Object value = getter.invoke(holder);
            if (!(value instanceof Number number)) {
                return null;
            }
            return negated ? -number.doubleValue() : number.doubleValue();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether an observed value is past the line. */
    public boolean firesAt(double observed, double threshold) {
        return fires == Side.BELOW ? (inclusive ? observed <= threshold : observed < threshold)
                : (inclusive ? observed >= threshold : observed > threshold);
    }

    /** The text between a rule's {@code then} and its {@code end}, from the line of its header. */
    private static String consequenceOf(String[] lines, int headerLine) {
        if (lines == null || headerLine <= 0) {
            return "";
        }
        StringBuilder consequence = new StringBuilder();
        boolean inThen = false;
        for (int i = headerLine - 1; i < lines.length; i++) {
            String line = lines[i].strip().toLowerCase(Locale.ROOT);
            if (line.equals("end")) {
                break;
            }
            if (inThen) {
                consequence.append(lines[i]).append('\n');
            } else if (line.equals("then")) {
                inThen = true;
            }
        }
        return consequence.toString();
    }
}
